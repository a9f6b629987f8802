using System.Data;
using AssetMap.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace AssetMap.Import.Geodata;

/// <summary>
/// Loads a postcode directory file (see <see cref="PostcodeDirectoryReader"/>) into <c>postcodes</c> in one
/// transaction: rows stream through a binary COPY into a temporary staging table, then one upsert moves them over.
/// Nothing is accumulated in memory, and a failure or cancellation rolls back to the table as it was.
/// </summary>
internal sealed class PostcodeImporter(AssetMapDbContext db)
{
    public const int ProgressEvery = 10_000;

    private const string CreateStaging =
        """
        CREATE TEMP TABLE postcode_staging (
            seq bigint GENERATED ALWAYS AS IDENTITY,
            postcode text NOT NULL,
            lon double precision NOT NULL,
            lat double precision NOT NULL
        ) ON COMMIT DROP
        """;

    private const string Copy = "COPY postcode_staging (postcode, lon, lat) FROM STDIN (FORMAT BINARY)";

    // A postcode repeated in the file: the last row wins (highest seq), so the upsert never meets a key twice.
    // xmax = 0 marks a freshly inserted row; rows whose location is unchanged are not touched and not returned.
    private const string Upsert =
        """
        WITH latest AS (
            SELECT DISTINCT ON (postcode) postcode, lon, lat FROM postcode_staging ORDER BY postcode, seq DESC
        ), upserted AS (
            INSERT INTO postcodes (postcode, location)
            SELECT postcode, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geography FROM latest
            ON CONFLICT (postcode) DO UPDATE SET location = EXCLUDED.location
            WHERE postcodes.location IS DISTINCT FROM EXCLUDED.location
            RETURNING (xmax = 0) AS inserted
        )
        SELECT (SELECT count(*) FROM latest),
               count(*) FILTER (WHERE inserted),
               count(*) FILTER (WHERE NOT inserted)
        FROM upserted
        """;

    public async Task<PostcodeImportResult> ImportAsync(string path, IProgress<long>? rowsRead, CancellationToken ct)
    {
        var reader = new PostcodeDirectoryReader(path);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // The COPY and the upsert go straight to the connection: Npgsql runs them inside the transaction open on
            // it, which is this EF transaction, so disposing it uncommitted (error, cancellation) undoes everything.
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await ExecuteAsync(connection, CreateStaging, ct);

            var staged = await StageAsync(connection, reader, rowsRead, ct);
            rowsRead?.Report(reader.RowsRead);
            var format = reader.Format
                ?? throw new InvalidDataException($"{Path.GetFileName(path)} has no rows to import.");

            var (distinct, inserted, updated) = await UpsertAsync(connection, ct);
            await transaction.CommitAsync(ct);
            return new PostcodeImportResult(
                path, format, reader.RowsRead, inserted, updated, distinct - inserted - updated, staged - distinct,
                reader.Skipped, reader.SkippedByReason, reader.SkippedExamples);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> StageAsync(
        NpgsqlConnection connection, PostcodeDirectoryReader reader, IProgress<long>? rowsRead, CancellationToken ct)
    {
        // Disposing the importer before Complete cancels the COPY; the transaction's rollback does the rest.
        await using var copy = await connection.BeginBinaryImportAsync(Copy, ct);
        var nextReport = (long)ProgressEvery;
        await foreach (var row in reader.ReadAsync(ct))
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.Postcode, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.Longitude, NpgsqlDbType.Double, ct);
            await copy.WriteAsync(row.Latitude, NpgsqlDbType.Double, ct);
            if (reader.RowsRead >= nextReport)
            {
                rowsRead?.Report(reader.RowsRead);
                nextReport = reader.RowsRead + ProgressEvery;
            }
        }

        return (long)await copy.CompleteAsync(ct);
    }

    private static async Task<(long Distinct, long Inserted, long Updated)> UpsertAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Upsert, connection);
        await using var result = await command.ExecuteReaderAsync(ct);
        await result.ReadAsync(ct);
        return (result.GetInt64(0), result.GetInt64(1), result.GetInt64(2));
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
