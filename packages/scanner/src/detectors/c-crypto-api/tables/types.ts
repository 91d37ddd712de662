/**
 * Row types of the C crypto API tables. They are defined by the C analysis, which reads the tables
 * through its knowledge interface; adding a library means adding a table.
 */
export type {
  ApiRow,
  ConstructorRow,
  FunctionCandidate,
  LibraryTable,
  RefPart,
  SchemeMacro,
} from '../../../c/knowledge.js';
export { normName } from '../../../c/knowledge.js';
