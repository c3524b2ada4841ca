/**
 * Validation rules of FieldTrail's own. graphql-js 16 lets a `subscription` operation through
 * validation on a schema without a Subscription type and only fails it at execution, which
 * Apollo then reports as an internal error; refusing it here makes it a 400 validation error.
 */
import { GraphQLError, type ValidationRule } from 'graphql';

export const noSubscriptionsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription' && !context.getSchema().getSubscriptionType()) {
      context.reportError(new GraphQLError('FieldTrail has no subscriptions: send a query or a mutation', { nodes: [node] }));
    }
  },
});
