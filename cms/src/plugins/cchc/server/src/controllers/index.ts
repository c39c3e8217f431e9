import overview from './overview.js';
import publicContent from './public.js';

export default { public: publicContent, overview };
