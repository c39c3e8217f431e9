import compliance from './compliance.js';
import overview from './overview.js';
import publicContent from './public.js';
import workflow from './workflow.js';

export default { public: publicContent, overview, compliance, workflow };
