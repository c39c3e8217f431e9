import { Feather } from '@strapi/icons';

/** The plugin's icon in the main navigation. */
export const PluginIcon = () => <Feather />;
