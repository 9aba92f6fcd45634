/** Translates a FilterQL AST into the equivalent MongoDB query, for the reference engine (mingo). */
import type { ExprNode, ValueNode } from "../../src/ast/nodes.js";

type MongoQuery = Record<string, unknown>;

function literal(v: ValueNode): unknown {
  if (v.kind === "Literal") return v.value;
  throw new Error(`no Mongo literal for ${v.kind}`);
}

export function toMongo(node: ExprNode): MongoQuery {
  switch (node.kind) {
    case "And":
      return { $and: node.operands.map(toMongo) };
    case "Or":
      return { $or: node.operands.map(toMongo) };
    case "Not":
      return { $nor: [toMongo(node.operand)] };
    case "Compare":
      return { [node.field.segments.join(".")]: { [`$${node.op}`]: literal(node.value) } };
    case "In":
      return { [node.field.segments.join(".")]: { [node.negated ? "$nin" : "$in"]: node.values.map(literal) } };
    case "Between": {
      const f = node.field.segments.join(".");
      return { $and: [{ [f]: { $gte: literal(node.low) } }, { [f]: { $lte: literal(node.high) } }] };
    }
    case "IsNull":
      return { [node.field.segments.join(".")]: node.negated ? { $ne: null } : { $eq: null } };
    case "Exists":
      return { [node.field.segments.join(".")]: { $exists: !node.negated } };
    case "Match": {
      if (node.op !== "regex" || node.value.kind !== "Regex") throw new Error(`no Mongo operator for ${node.op}`);
      const m = { [node.field.segments.join(".")]: { $regex: new RegExp(node.value.pattern, node.value.flags) } };
      return node.negated ? { $nor: [m] } : m;
    }
    case "Text":
      throw new Error("no Mongo operator for text");
  }
}
