using System.Collections;
using AssetMap.Api.Infrastructure;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace AssetMap.Api.GraphQL;

/// <summary>
/// Refuses, before anything executes, a string PostgreSQL cannot store (see <see cref="UnsafeText"/>) wherever a
/// document can carry one: argument literals (the parser has already decoded <c>\u0000</c> and <c>\ud800</c>), variable
/// defaults, and the variables sent beside the document, nested in lists and input objects too. One BAD_USER_INPUT
/// error per argument or variable, named under <c>extensions.data</c>, as the search arguments report theirs.
/// </summary>
internal sealed class UnsafeTextRule : ValidationRuleBase
{
    private const string Code = "BAD_USER_INPUT";

    private static readonly INodeVisitor Literals = new NodeVisitors(
        new MatchingNodeVisitor<GraphQLArgument>((argument, context) =>
        {
            if (HoldsUnsafeText(argument.Value))
            {
                var name = argument.Name.StringValue;
                context.ReportError(Error(context, $"{name} {UnsafeText.Reason}.", "arguments", name, argument));
            }
        }),
        new MatchingNodeVisitor<GraphQLVariableDefinition>((variable, context) =>
        {
            if (variable.DefaultValue is { } value && HoldsUnsafeText(value))
            {
                var name = variable.Variable.Name.StringValue;
                context.ReportError(Error(context, $"The default of ${name} {UnsafeText.Reason}.", "variables", name, variable));
            }
        }));

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        foreach (var (name, value) in context.Variables ?? global::GraphQL.Inputs.Empty)
        {
            if (HoldsUnsafeText(value))
            {
                context.ReportError(Error(context, $"${name} {UnsafeText.Reason}.", "variables", name, context.Document));
            }
        }

        return new(Literals);
    }

    private static bool HoldsUnsafeText(GraphQLValue value) => value switch
    {
        GraphQLStringValue text => UnsafeText.IsUnsafe(text.Value.Span),
        GraphQLListValue list => list.Values?.Any(HoldsUnsafeText) ?? false,
        GraphQLObjectValue obj => obj.Fields?.Any(f => HoldsUnsafeText(f.Value)) ?? false,
        _ => false,
    };

    // Variables arrive as the JSON serializer built them: strings, dictionaries for input objects, lists.
    private static bool HoldsUnsafeText(object? value) => value switch
    {
        string text => UnsafeText.IsUnsafe(text),
        IEnumerable<KeyValuePair<string, object?>> fields => fields.Any(f => UnsafeText.IsUnsafe(f.Key) || HoldsUnsafeText(f.Value)),
        IEnumerable items => items.Cast<object?>().Any(HoldsUnsafeText),
        _ => false,
    };

    private static ValidationError Error(ValidationContext context, string message, string kind, string name, ASTNode node)
    {
        var error = new ValidationError(context.Document.Source, null, message, node) { Code = Code };
        error.Data[kind] = new Dictionary<string, string[]> { [name] = [message] };
        return error;
    }
}
