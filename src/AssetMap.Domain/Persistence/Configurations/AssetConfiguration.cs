using AssetMap.Domain.Assets;
using AssetMap.Domain.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace AssetMap.Domain.Persistence.Configurations;

internal sealed class AssetConfiguration : IEntityTypeConfiguration<Asset>
{
    /// <summary>The shadow tsvector column behind full-text search.</summary>
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Asset> builder)
    {
        builder.ToTable("assets");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();

        // One table for the three public kinds: `kind` is the discriminator.
        builder.HasDiscriminator(a => a.Kind)
            .HasValue<CommunityHub>(AssetKind.Hub)
            .HasValue<MicroEnterprise>(AssetKind.MicroEnterprise)
            .HasValue<SocialPrescribingActivity>(AssetKind.Activity);
        builder.Property(a => a.Kind).HasMaxLength(20);

        builder.Property(a => a.Slug).HasMaxLength(100);
        builder.HasIndex(a => a.Slug).IsUnique();
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Summary).HasMaxLength(500);
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.HasIndex(a => new { a.Status, a.Kind });

        builder.ComplexProperty(a => a.Address, address =>
        {
            address.Property(x => x.Line).HasMaxLength(200);
            address.Property(x => x.Town).HasMaxLength(100);
        });
        builder.ComplexProperty(a => a.Contact, contact =>
        {
            contact.Property(x => x.Phone).HasMaxLength(40);
            contact.Property(x => x.Email).HasMaxLength(200);
            contact.Property(x => x.Website).HasMaxLength(500);
        });
        builder.ComplexProperty(a => a.Source, source =>
        {
            source.Property(x => x.ExternalRef).HasMaxLength(100);
            source.Property(x => x.File).HasMaxLength(300);
            source.Property(x => x.Sheet).HasMaxLength(100);
        });

        // geography: searches are "within N metres", and ST_DWithin on geography uses this GiST index.
        builder.Property(a => a.Location).HasColumnType("geography (point, 4326)");
        builder.HasIndex(a => a.Location).HasMethod("gist");
        builder.Property(a => a.PublicLocation).HasColumnType("geography (point, 4326)");
        builder.HasIndex(a => a.PublicLocation).HasMethod("gist");

        // Full text: English stemming, name weighted above summary above description. A shadow property, so the
        // entity stays EF-free; queries reach it through EF.Property.
        builder.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql(
                "setweight(to_tsvector('english', coalesce(name, '')), 'A') || "
                + "setweight(to_tsvector('english', coalesce(summary, '')), 'B') || "
                + "setweight(to_tsvector('english', coalesce(description, '')), 'C')",
                stored: true);
        builder.HasIndex(SearchVector).HasMethod("gin");

        // Typo tolerance ("lnch club"): trigram word similarity on the name.
        builder.HasIndex(a => a.Name).HasMethod("gin").HasOperators("gin_trgm_ops").HasDatabaseName("ix_assets_name_trgm");

        builder.Property(a => a.PcnAreaCode).HasMaxLength(6);
        builder.Property(a => a.PublicPostcode).HasMaxLength(8);
        builder.HasOne(a => a.PcnArea).WithMany().HasForeignKey(a => a.PcnAreaCode).OnDelete(DeleteBehavior.SetNull);
        // A PCN area's entries in name order (the order of an area search), read a page at a time: the busiest area
        // holds ~20,000 entries at a million, and with a category the planner otherwise joined from the category side.
        builder.HasIndex(a => new { a.PcnAreaCode, a.Name, a.Id }).HasDatabaseName("ix_assets_pcn_area_code_name_id")
            .IncludeProperties(a => new { a.Status, a.Kind, a.LastVerifiedAt, a.CreatedAt });

        builder.HasMany(a => a.Categories).WithMany().UsingEntity(
            "asset_categories",
            r => r.HasOne(typeof(Category)).WithMany().HasForeignKey("category_id").OnDelete(DeleteBehavior.Cascade),
            l => l.HasOne(typeof(Asset)).WithMany().HasForeignKey("asset_id").OnDelete(DeleteBehavior.Cascade),
            j => j.HasKey("asset_id", "category_id"));
        builder.Navigation(a => a.Categories).UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.Property(a => a.Version).IsRowVersion();

        // Search (issue 11): the week as columns, so openOn is a SQL filter, and a btree for the default order by name.
        builder.Property(a => a.SessionPattern).HasConversion<int>();
        // The btree covers the columns every search filters on, so skipping to a deep page reads the index only.
        builder.HasIndex(a => new { a.Name, a.Id }).HasDatabaseName("ix_assets_name_id")
            .IncludeProperties(a => new { a.Status, a.Kind, a.LastVerifiedAt, a.CreatedAt });
    }
}
