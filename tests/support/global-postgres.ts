import type { TestProject } from 'vitest/node';
import { setupStack } from './stack.js';

export default (project: TestProject) => setupStack(project, 'postgres');
