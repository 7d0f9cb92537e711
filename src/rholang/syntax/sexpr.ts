/**
 * A compact S-expression rendering of a tree, without spans: `a + b * c` shows as
 * `(+ a (* b c))`. It makes grouping visible at a glance, so the parser's tests state precedence
 * and associativity in one line each; it is also handy when debugging a parse.
 */

import type { AstNode, Bind, HyperParam, Name, Proc, ProcVar } from './ast.js';

export function sexpr(node: AstNode): string {
  switch (node.kind) {
    case 'Program':
      return sexpr(node.body);
    case 'Nil':
    case 'Unit':
    case 'Wildcard':
      return node.kind === 'Nil' ? 'Nil' : node.kind === 'Unit' ? '()' : '_';
    case 'Bool':
      return String(node.value);
    case 'Int':
      return node.value.toString();
    case 'String':
      return JSON.stringify(node.value);
    case 'Uri':
      return `\`${node.value}\``;
    case 'SimpleType':
      return node.name;
    case 'Var':
      return node.name;
    case 'Quote':
      return `@${sexpr(node.proc)}`;
    case 'List':
      return `[${items(node.elements, node.remainder)}]`;
    case 'Tuple':
      return `(tuple ${all(node.elements)})`;
    case 'Set':
      return `(set${pre(items(node.elements, node.remainder))})`;
    case 'PathMap':
      return `(pathmap${pre(items(node.elements, node.remainder))})`;
    case 'Map': {
      const entries = node.entries.map((e) => `(${sexpr(e.key)} ${sexpr(e.value)})`);
      if (node.remainder !== null) entries.push(rest(node.remainder));
      return `(map${pre(entries.join(' '))})`;
    }
    case 'MapEntry':
      return `(${sexpr(node.key)} ${sexpr(node.value)})`;
    case 'Binary':
      return `(${node.op} ${sexpr(node.left)} ${sexpr(node.right)})`;
    case 'Unary':
      return `(${node.op === '-' ? 'neg' : node.op} ${sexpr(node.operand)})`;
    case 'Eval':
      return `(* ${sexpr(node.name)})`;
    case 'VarRef':
      return `=${node.deref ? '*' : ''}${node.name}`;
    case 'Method':
      return `(.${node.name} ${sexpr(node.receiver)}${pre(all(node.args))})`;
    case 'FunctionCall':
      return `(call ${node.name}${pre(all(node.args))})`;
    case 'Free':
      return `(free ${node.theory})`;
    case 'Par':
      return `(| ${all(node.procs)})`;
    case 'Send':
      return `(${node.persistent ? '!!' : '!'} ${sexpr(node.channel)}${pre(all(node.args))}${hyper(node.hyperparams)})`;
    case 'SendSync':
      return `(!? ${sexpr(node.channel)}${pre(all(node.args))}${hyper(node.hyperparams)} ${node.cont === null ? '.' : `; ${sexpr(node.cont)}`})`;
    case 'HyperParam':
      return node.key === null ? sexpr(node.value) : `${node.key}=${sexpr(node.value)}`;
    case 'NameDecl':
      return `${node.name}${node.space === null ? '' : `:${sexpr(node.space)}`}${node.uri === null ? '' : `(\`${node.uri}\`)`}`;
    case 'New':
      return `(new [${node.decls.map(sexpr).join(' ')}] ${sexpr(node.body)})`;
    case 'IfElse':
      return `(if ${sexpr(node.condition)} ${sexpr(node.then)}${node.otherwise === null ? '' : ` ${sexpr(node.otherwise)}`})`;
    case 'LetAssign':
      return `(${node.name} = ${sexpr(node.value)})`;
    case 'LetBind':
      return `(${names(node.names, node.remainder)} <- ${all(node.values)})`;
    case 'Let':
      return `(let${node.concurrent ? '&' : ';'} ${node.decls.map(sexpr).join(' ')} ${sexpr(node.body)})`;
    case 'MatchCase':
      return `(${sexpr(node.pattern)} => ${sexpr(node.body)})`;
    case 'Match':
      return `(match ${sexpr(node.target)} ${node.cases.map(sexpr).join(' ')})`;
    case 'Contract':
      return `(contract ${sexpr(node.name)} [${names(node.formals, node.remainder)}] ${sexpr(node.body)})`;
    case 'SimpleSource':
      return sexpr(node.name);
    case 'ReceiveSendSource':
      return `${sexpr(node.name)}?!`;
    case 'SendReceiveSource':
      return `(!? ${sexpr(node.name)}${pre(all(node.args))}${hyper(node.hyperparams)})`;
    case 'Similarity': {
      const sim = node.sim === null ? '' : `~sim(${all(node.sim)}) `;
      const rank = node.rank === null ? '' : `~rank(${all(node.rank)}) `;
      return `${sim}${rank}~${sexpr(node.query)}`;
    }
    case 'LinearBind':
    case 'RepeatedBind':
    case 'PeekBind':
      return bind(node);
    case 'Receipt':
      return node.binds.map(sexpr).join(' & ');
    case 'For':
      return `(for [${node.receipts.map(sexpr).join('; ')}] ${sexpr(node.body)})`;
    case 'Bundle':
      return `(bundle${{ read: '-', write: '+', equiv: '0', readWrite: '' }[node.bundle]} ${sexpr(node.body)})`;
    case 'Use':
      return `(use ${sexpr(node.space)} ${sexpr(node.body)})`;
    case 'Error':
      return 'ERROR';
  }
}

function bind(b: Bind): string {
  const arrow = b.kind === 'LinearBind' ? '<-' : b.kind === 'RepeatedBind' ? '<=' : '<<-';
  const similarity = b.kind === 'LinearBind' && b.similarity !== null ? ` ${sexpr(b.similarity)}` : '';
  return `(${names(b.names, b.remainder)} ${arrow} ${sexpr(b.source)}${similarity})`;
}

const all = (nodes: readonly AstNode[]): string => nodes.map(sexpr).join(' ');
const pre = (text: string): string => (text === '' ? '' : ` ${text}`);
const rest = (r: ProcVar): string => `...${r.kind === 'Var' ? r.name : '_'}`;

function items(elements: readonly Proc[], remainder: ProcVar | null): string {
  const parts = elements.map(sexpr);
  if (remainder !== null) parts.push(rest(remainder));
  return parts.join(' ');
}

function names(list: readonly Name[], remainder: ProcVar | null): string {
  const parts = list.map(sexpr);
  if (remainder !== null) parts.push(`...@${remainder.kind === 'Var' ? remainder.name : '_'}`);
  return parts.join(' ');
}

function hyper(h: readonly HyperParam[] | null): string {
  return h === null ? '' : ` ;${pre(all(h))}`;
}
