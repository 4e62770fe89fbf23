export { parseDescriptorText, type ParsedText } from './parse-descriptor-text';
export { importDescriptor, type ImportResult } from './import-descriptor';
export { detectFormat, type FormatDetection } from './detect-format';
export { DEFAULT_TEXT_LIMITS, type TextLimits } from './text-limits';
export { SYNTAX_CODES, type SyntaxCode } from './syntax-codes';
// For any other YAML read from uploads (package manifests): plain parseDocument can abort the process.
export { parseBoundedYaml, type BoundedParse } from './bounded-yaml-parse';
