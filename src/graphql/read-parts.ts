/**
 * Which node types a request reads with their sources or versions: those whose `sources` or
 * `version` field the document selects anywhere (fragments included). Every other read skips
 * them, so a field page, which asks neither, reads no citations and no version rows.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { getNamedType, isAbstractType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import { NODE_TYPES, type NodeType } from '../domain/vocabulary';
import type { AskedParts } from '../services/inventory-reader';
import type { RequestContext } from './context';
import { NODE_TYPE_NAMES } from './types/nodes';

const NODE_TYPE_OF = new Map<string, NodeType>(NODE_TYPES.map((t) => [NODE_TYPE_NAMES[t], t]));
/** Apollo keeps parsed documents, so a repeated query is analysed once. */
const cache = new WeakMap<DocumentNode, AskedParts>();

export function askedParts(schema: GraphQLSchema, document: DocumentNode): AskedParts {
  let asked = cache.get(document);
  if (asked) return asked;
  const sources = new Set<NodeType>();
  const versions = new Set<NodeType>();
  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, {
    Field(node) {
      const name = node.name.value;
      if (name !== 'sources' && name !== 'version') return;
      const parent = typeInfo.getParentType();
      if (!parent) return;
      const named = getNamedType(parent);
      // Selected on an interface or union: every type it may be.
      const objects = isAbstractType(named) ? schema.getPossibleTypes(named).map((t) => t.name) : [named.name];
      for (const o of objects) {
        const type = NODE_TYPE_OF.get(o);
        if (type) (name === 'sources' ? sources : versions).add(type);
      }
    },
  }));
  asked = { sources, versions };
  cache.set(document, asked);
  return asked;
}

/** Tells each request's reader what its document asks for, once the operation is known. */
export function readPartsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          contextValue.reader.readOnly(askedParts(schema, document));
        },
      };
    },
  };
}
