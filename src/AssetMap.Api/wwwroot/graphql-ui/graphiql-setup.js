// Starts GraphiQL on /graphql/ui. A file, not an inline script, so the Content-Security-Policy can stay script-src 'self'.
'use strict';

const endpoint = '/graphql';

const defaultQuery = `# Ctrl+Enter runs the query; Ctrl+Space completes.
{
  assets(postcode: "RM16 2JT", first: 5) {
    totalCount
    edges {
      node {
        name
        kind
        distanceMetres
      }
    }
  }
}
`;

// POST {query, variables, operationName} as JSON (GraphQL over HTTP).
async function fetcher(params, options) {
  const response = await fetch(endpoint, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      ...(options && options.headers),
      'Content-Type': 'application/json',
      'Accept': 'application/graphql-response+json, application/json',
    },
    body: JSON.stringify({
      query: params.query,
      variables: params.variables,
      operationName: params.operationName,
    }),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return {
      errors: [{ message: `HTTP ${response.status} ${response.statusText}: ${text.slice(0, 1000)}` }],
    };
  }
}

ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    defaultEditorToolsVisibility: true,
  }),
);
