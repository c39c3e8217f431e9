/** The cchc plugin's server part: a list of its parts. */
import bootstrap from './bootstrap.js';
import config from './config.js';
import contentTypes from './content-types/index.js';
import controllers from './controllers/index.js';
import register from './register.js';
import routes from './routes/index.js';
import services from './services/index.js';

export default { register, bootstrap, config, contentTypes, controllers, routes, services };
