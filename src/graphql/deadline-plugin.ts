/**
 * Lifts the request's deadline for a mutation: a write is one transaction, so stopping its
 * reads halfway would refuse it for nothing, and answering REQUEST_TIMEOUT while it commits
 * would tell the client a write failed that did not. Reads keep their deadline.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';

export function writesRunToTheEndPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (operation?.operation === 'mutation') contextValue.deadline.lift();
        },
      };
    },
  };
}
