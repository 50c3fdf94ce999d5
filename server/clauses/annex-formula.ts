// The arithmetic of annex tables: "hours * rate", "(a + b) * 1.1". A small parser instead of eval, so a formula
// in a content file can only ever add, subtract, multiply and divide the numbers of its own row.

export type FormulaNode =
  | { kind: 'number'; value: number }
  | { kind: 'name'; name: string }
  | { kind: 'negate'; operand: FormulaNode }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: FormulaNode; right: FormulaNode };

const TOKEN = /\s*(\d+(?:\.\d+)?|[a-z_][a-z0-9_]*|[-+*/()])/y;

function tokenize(formula: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < formula.length) {
    if (/^\s*$/.test(formula.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(formula);
    if (!match) throw new Error(`unexpected character at ${TOKEN.lastIndex + 1}`);
    tokens.push(match[1]);
  }
  return tokens;
}

/** Parses a formula; throws an Error saying what is wrong. */
export function parseFormula(formula: string): FormulaNode {
  const tokens = tokenize(formula);
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++];
  const factor = (): FormulaNode => {
    const token = take();
    if (token === undefined) throw new Error('ends too early');
    if (token === '-') return { kind: 'negate', operand: factor() };
    if (token === '(') {
      const inner = sum();
      if (take() !== ')') throw new Error('misses a closing parenthesis');
      return inner;
    }
    if (/^\d/.test(token)) return { kind: 'number', value: Number(token) };
    if (/^[a-z_]/.test(token)) return { kind: 'name', name: token };
    throw new Error(`unexpected "${token}"`);
  };
  const product = (): FormulaNode => {
    let node: FormulaNode = factor();
    while (peek() === '*' || peek() === '/')
      node = { kind: 'binary', op: take() as '*' | '/', left: node, right: factor() };
    return node;
  };
  const sum = (): FormulaNode => {
    let node: FormulaNode = product();
    while (peek() === '+' || peek() === '-')
      node = { kind: 'binary', op: take() as '+' | '-', left: node, right: product() };
    return node;
  };
  const tree = sum();
  if (at < tokens.length) throw new Error(`unexpected "${tokens[at]}"`);
  return tree;
}

export function formulaNames(node: FormulaNode): string[] {
  switch (node.kind) {
    case 'number':
      return [];
    case 'name':
      return [node.name];
    case 'negate':
      return formulaNames(node.operand);
    case 'binary':
      return [...formulaNames(node.left), ...formulaNames(node.right)];
  }
}

/** The value of a formula for one row, or undefined when a value it needs is missing (or it divides by zero). */
export function evaluate(node: FormulaNode, values: Record<string, number | undefined>): number | undefined {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'name':
      return values[node.name];
    case 'negate': {
      const v = evaluate(node.operand, values);
      return v === undefined ? undefined : -v;
    }
    case 'binary': {
      const left = evaluate(node.left, values);
      const right = evaluate(node.right, values);
      if (left === undefined || right === undefined) return undefined;
      if (node.op === '+') return left + right;
      if (node.op === '-') return left - right;
      if (node.op === '*') return left * right;
      return right === 0 ? undefined : left / right;
    }
  }
}

/** The formula in a spreadsheet's notation, each column key replaced by its cell (`C7`). */
export function spreadsheetFormula(node: FormulaNode, cell: (name: string) => string): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'name':
      return cell(node.name);
    case 'negate':
      return `-(${spreadsheetFormula(node.operand, cell)})`;
    case 'binary':
      return `(${spreadsheetFormula(node.left, cell)}${node.op}${spreadsheetFormula(node.right, cell)})`;
  }
}
