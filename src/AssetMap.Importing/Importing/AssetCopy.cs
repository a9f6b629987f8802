using System.Collections;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;

namespace AssetMap.Import.Importing;

/// <summary>
/// Inserts new assets and their categories with binary COPY. EF's batched INSERTs cost a parse and plan per row
/// (about four times the rows/s); COPY costs the index maintenance only. The columns and value conversions come from
/// the EF model, so the table has one definition: a column added there is copied here without a change.
/// </summary>
internal sealed class AssetCopy
{
    private readonly List<Column> _columns;

    public AssetCopy(AssetMapDbContext db)
    {
        var root = db.Model.FindEntityType(typeof(Asset))!;
        _columns = [.. root.GetDerivedTypesInclusive().SelectMany(type =>
                type.GetDeclaredProperties().Select(p => (Owner: type, Property: p))
                    .Concat(type.GetDeclaredComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Select(p => (Owner: type, Property: p)))))
            // xmin and the generated search vector are the database's to fill.
            .Where(c => !c.Property.IsConcurrencyToken && c.Property.GetComputedColumnSql() is null)
            .Select(c => new Column(c.Owner.ClrType, c.Property.Name, c.Property.GetColumnName(), c.Property.GetGetter(),
                c.Property.GetTypeMapping().Converter,
                c.Property.GetRelationalTypeMapping().StoreType.StartsWith("geography", StringComparison.Ordinal) ? "geography" : null))];
    }

    /// <summary>Copies <paramref name="assets"/> (new, not tracked) and their categories, stamped created/updated at <paramref name="now"/>.</summary>
    public async Task WriteAsync(AssetMapDbContext db, IReadOnlyList<Asset> assets, DateTimeOffset now, CancellationToken ct)
    {
        if (assets.Count == 0)
        {
            return;
        }

        // The importer's transaction has opened the connection: COPY runs inside it, so a rollback removes these rows too.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var columnList = string.Join(", ", _columns.Select(c => c.Name));
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY assets ({columnList}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var asset in assets)
            {
                await writer.StartRowAsync(ct);
                foreach (var column in _columns)
                {
                    await WriteValueAsync(writer, column, asset, now, ct);
                }
            }

            await writer.CompleteAsync(ct);
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY asset_categories (asset_id, category_id) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var asset in assets)
            {
                foreach (var category in asset.Categories)
                {
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync(asset.Id, ct);
                    await writer.WriteAsync(category.Id, ct);
                }
            }

            await writer.CompleteAsync(ct);
        }
    }

    // Typed writes: Npgsql resolves a type once per T, but once per value for object.
    private static ValueTask WriteValueAsync(NpgsqlBinaryImporter writer, Column column, Asset asset, DateTimeOffset now, CancellationToken ct)
    {
        if (column.Property is nameof(Asset.CreatedAt) or nameof(Asset.UpdatedAt))
        {
            return Write(writer, now, ct);
        }

        var value = column.Owner.IsInstanceOfType(asset) ? column.Getter.GetClrValueUsingContainingEntity(asset) : null;
        if (value is not null && column.Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        return value switch
        {
            null => new ValueTask(writer.WriteNullAsync(ct)),
            string text => Write(writer, text, ct),
            Guid id => Write(writer, id, ct),
            bool flag => Write(writer, flag, ct),
            int number => Write(writer, number, ct),
            long number => Write(writer, number, ct),
            DateOnly date => Write(writer, date, ct),
            TimeSpan span => Write(writer, span, ct),
            DateTime time => Write(writer, time, ct),
            DateTimeOffset time => Write(writer, time, ct),
            IEnumerable<string> list => Write(writer, list.ToArray(), ct),
            IEnumerable => throw new NotSupportedException($"Column {column.Name}: no COPY mapping for {value.GetType()}."),
            _ => new ValueTask(column.DataType is null ? writer.WriteAsync(value, ct) : writer.WriteAsync(value, column.DataType, ct)),
        };
    }

    private static ValueTask Write<T>(NpgsqlBinaryImporter writer, T value, CancellationToken ct) => new(writer.WriteAsync(value, ct));

    private sealed record Column(Type Owner, string Property, string Name, IClrPropertyGetter Getter, ValueConverter? Converter, string? DataType);
}
