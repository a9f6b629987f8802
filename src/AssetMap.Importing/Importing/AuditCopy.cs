using System.Buffers;
using System.Text;
using System.Text.Json;
using AssetMap.Domain.History;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AssetMap.Import.Importing;

/// <summary>
/// Writes an import's history entries with binary COPY, a batch at a time, inside the import's transaction (a dry run
/// or a strict rollback removes them with the rows they describe). One INSERT per changed row would cost the import
/// more than the rows themselves; COPY keeps history nearly free. The columns and the JSON shape of the changes are
/// those of <see cref="AuditEntry"/>'s EF mapping (Persistence/Configurations/AuditConfiguration).
/// </summary>
internal static class AuditCopy
{
    private const string Command =
        "COPY audit_entries (occurred_at, entity_type, entity_id, action, actor, source, source_detail, changes) FROM STDIN (FORMAT BINARY)";

    public static async Task WriteAsync(AssetMapDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(Command, ct);
        foreach (var entry in entries)
        {
            await writer.StartRowAsync(ct);
            await writer.WriteAsync(entry.OccurredAt, ct);
            await writer.WriteAsync(entry.EntityType, ct);
            await writer.WriteAsync(entry.EntityId, ct);
            await writer.WriteAsync(entry.Action, ct);
            await writer.WriteAsync(entry.Actor, ct);
            await writer.WriteAsync(SourceText(entry.Source), ct);
            if (entry.SourceDetail is { } detail)
            {
                await writer.WriteAsync(detail, ct);
            }
            else
            {
                await writer.WriteNullAsync(ct);
            }

            await writer.WriteAsync(Json(entry.Changes), NpgsqlDbType.Jsonb, ct);
        }

        await writer.CompleteAsync(ct);
    }

    // The shape EF reads back ([{"field","before","after"}], camelCase as JsonSerializerOptions.Web writes it), written
    // by hand: a created row carries every field, and the reflection serializer per row was measurable on large files.
    private static string Json(IReadOnlyList<FieldChange> changes)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var change in changes)
            {
                json.WriteStartObject();
                json.WriteString("field", change.Field);
                json.WriteString("before", change.Before);
                json.WriteString("after", change.After);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // The snake_case text the EF mapping stores (SnakeCaseEnumConverter); an import writes only these two.
    private static string SourceText(AuditSource source) => source switch
    {
        AuditSource.Import => "import",
        AuditSource.System => "system",
        _ => throw new NotSupportedException($"The importer does not write {source} history."),
    };
}
