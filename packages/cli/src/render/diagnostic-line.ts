/**
 * A diagnostic as one line for standard error. Paths and messages come from scanned files: they are made
 * terminal-safe here, so no caller can forget it.
 */
import type { Diagnostic } from '@pqready/core';
import { terminalText } from './escape.js';

export const diagnosticLine = (d: Diagnostic): string =>
  `${d.severity}: ${terminalText(d.path ?? '')}${d.line ? `:${d.line}` : ''} ${terminalText(d.message)} [${d.code}]`;
