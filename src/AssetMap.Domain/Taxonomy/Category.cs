namespace AssetMap.Domain.Taxonomy;

/// <summary>A node of the managed, two-level category taxonomy, e.g. "Food and meals" &gt; "Lunch clubs".</summary>
public sealed class Category
{
    private Category()
    {
    }

    /// <summary>Stable id.</summary>
    public Guid Id { get; private set; }

    /// <summary>Unique URL key, e.g. <c>lunch-clubs</c>.</summary>
    public string Slug { get; private set; } = "";

    /// <summary>Display name, unique.</summary>
    public string Name { get; private set; } = "";

    /// <summary>The parent, for second-level categories.</summary>
    public Guid? ParentId { get; private set; }

    /// <summary>Other words CVS staff use for it (matched when importing).</summary>
    public IReadOnlyList<string> Synonyms { get; private set; } = [];

    /// <summary>Creates a category; a parent must itself be top-level (the taxonomy has two levels).</summary>
    public static Category Create(string name, Category? parent, IEnumerable<string> synonyms)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainRuleException("category", "A category needs a name.");
        }

        if (parent?.ParentId is not null)
        {
            throw new DomainRuleException("parent", $"'{parent.Name}' is itself a subcategory; the taxonomy has two levels.");
        }

        return new Category
        {
            Id = Guid.CreateVersion7(),
            Name = name.Trim(),
            Slug = Assets.Slug.From(name),
            ParentId = parent?.Id,
            Synonyms = [.. synonyms.Select(s => s.Trim()).Where(s => s.Length > 0)],
        };
    }
}
