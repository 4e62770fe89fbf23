import { Composer, type Document, type DocumentOptions, Lexer, LineCounter, type ParseOptions, Parser, type SchemaOptions } from 'yaml';

export interface BoundedParse {
  docs: Document.Parsed[];
  lines: LineCounter;
  /** Offset where the open collections first exceeded the bound; no documents then. */
  tooDeepAt?: number;
}

/**
 * yaml's parseAllDocuments (lexer, parser, composer), driven one token at a time so that it can
 * stop as soon as the parser's stack of open collections exceeds `maxOpen`. The composer recurses
 * once per level of that stack: `- - - …` a hundred thousand levels deep aborts V8 inside yaml (out
 * of memory, not a catchable error), and invalid lines like `a: a: x` repeated make yaml's error
 * recovery nest as deep as it is long. The parser itself is iterative, so watching it is safe.
 * The composed tree is at most twice as deep as the stack (implicit `[a: b]` mappings add a level).
 */
export function parseBoundedYaml(text: string, maxOpen: number, options: ParseOptions & DocumentOptions & SchemaOptions): BoundedParse {
  const lines = new LineCounter();
  const parser = new Parser(lines.addNewLine);
  const composer = new Composer(options);
  const docs: Document.Parsed[] = [];
  lines.addNewLine(0); // as Parser.parse() does before the first token
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) docs.push(...composer.next(token));
    if (parser.stack.length > maxOpen) return { docs: [], lines, tooDeepAt: parser.offset };
  }
  for (const token of parser.end()) docs.push(...composer.next(token));
  docs.push(...composer.end(false, -1));
  return { docs, lines };
}
