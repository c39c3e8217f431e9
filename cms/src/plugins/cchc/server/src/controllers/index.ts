import committee from './committee.js';
import compliance from './compliance.js';
import overview from './overview.js';
import publicContent from './public.js';
import workflow from './workflow.js';

export default { public: publicContent, committee, overview, compliance, workflow };
