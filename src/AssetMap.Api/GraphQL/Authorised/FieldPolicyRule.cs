using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Authorization;

namespace AssetMap.Api.GraphQL.Authorised;

/// <summary>
/// Field-level authorisation inside the signed-in schema: a field marked <c>AuthorizeWithPolicy</c> (the broker-only
/// fields) is refused, before anything executes, to a caller the ASP.NET Core policy does not admit — the whole document
/// fails with FORBIDDEN, so no partial answer is sent. The public schema marks no field, so this rule never fires there.
/// </summary>
internal sealed class FieldPolicyRule : ValidationRuleBase
{
    public const string Code = "FORBIDDEN";

    public override async ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var policies = context.Schema.AllTypes.OfType<IComplexGraphType>()
            .SelectMany(t => t.Fields).SelectMany(f => f.GetPolicies() ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (policies.Count == 0)
        {
            return null;
        }

        var authorization = context.RequestServices!.GetRequiredService<IAuthorizationService>();
        var user = context.User ?? new ClaimsPrincipal(new ClaimsIdentity());
        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var policy in policies)
        {
            if ((await authorization.AuthorizeAsync(user, policy)).Succeeded)
            {
                granted.Add(policy);
            }
        }

        return new MatchingNodeVisitor<GraphQLField>((field, ctx) =>
        {
            if (ctx.TypeInfo.GetFieldDef() is { } definition && definition.GetPolicies() is { Count: > 0 } needed && needed.Any(p => !granted.Contains(p)))
            {
                ctx.ReportError(new ValidationError(ctx.Document.Source, null, $"{definition.Name} is for {string.Join(" or ", needed).ToLowerInvariant()}s only.", field) { Code = Code });
            }
        });
    }
}
