using AssetMap.Api.Features.Assets;
using AssetMap.Api.Features.Categories;
using AssetMap.Api.Infrastructure;

namespace AssetMap.Api.Features.Directory;

/// <summary>The nearest few entries for one need, and how many there are within the distance.</summary>
internal sealed record NeedAnswer(CategoryNode Need, AssetHitPage Nearest);

/// <summary>
/// "What's strong near this person": one search per need through the same validator and search as everything else,
/// nearest first, a few entries each.
/// </summary>
internal sealed class NeedsNearby(AssetSearchValidator validator, AssetSearch search, CategoryTree categories)
{
    public const int PerNeed = 3;

    public async Task<(IReadOnlyList<NeedAnswer> Answers, ParameterErrors Errors)> AnswerAsync(
        string? postcode, IReadOnlyList<string> needs, int miles, CancellationToken ct)
    {
        var input = new SearchInput
        {
            Postcode = string.IsNullOrWhiteSpace(postcode) ? null : postcode.Trim(),
            RadiusMetres = miles * WebSearchForm.MetresPerMile,
            Categories = needs.Count > 0 ? needs : null,
            PageSize = PerNeed,
        };
        var names = WebSearchForm.Names with { Postcode = "postcode" };
        var errors = new ParameterErrors();
        if (input.Postcode is null)
        {
            errors.Add("postcode", "Enter the person's postcode, like RM17 5AQ.");
            input = input with { RadiusMetres = null };
        }

        var (_, checkErrors) = await validator.CheckAsync(input, names, ct);
        foreach (var (field, messages) in checkErrors.Errors)
        {
            foreach (var message in messages)
            {
                errors.Add(field, message);
            }
        }

        if (needs.Count == 0)
        {
            errors.Add("need", "Choose at least one need.");
        }

        if (errors.Any)
        {
            return ([], errors);
        }

        var tree = (await categories.GetAsync(ct)).SelectMany(p => p.Children.Prepend(p)).ToDictionary(c => c.Slug, StringComparer.Ordinal);
        var answers = new List<NeedAnswer>();
        foreach (var need in needs.Select(n => n.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            var (criteria, _) = await validator.CheckAsync(input with { Categories = [need] }, names, ct);
            answers.Add(new NeedAnswer(tree[need], await search.SearchAsync(criteria!, ct)));
        }

        return (answers, errors);
    }
}
