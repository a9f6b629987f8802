using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetMap.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchEveryFewWeeks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "session_every_weeks",
                table: "assets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "session_week_phase",
                table: "assets",
                type: "integer",
                nullable: true);

            // Backfill what the entities now compute (WeeklyPattern.For): every 2–4 weeks without end, as
            // Schedule.Create stores it (INTERVAL, then WKST unless Monday, then BYDAY), the first session on one of
            // its days. The week phase is the first session's Monday-based week (WeeklyPattern.WeekIndex: days since
            // 1 January 0001, a Monday, over 7; counted here from 1 January 2001, also a Monday, 730485 days later)
            // modulo the interval. Another week start with several days stays irregular. Earlier entities stored
            // those as every few weeks, so pattern 2 is recomputed from the rule rather than trusted.
            migrationBuilder.Sql(
                """
                UPDATE assets SET open_days = 127, session_pattern = 0 WHERE kind = 'activity' AND session_pattern = 2;

                WITH weekly AS (
                    SELECT id, m[1]::int AS every, m[3] AS week_start,
                           (SELECT bit_or(1 << (array_position(ARRAY['MO','TU','WE','TH','FR','SA','SU'], d) - 1))
                            FROM unnest(string_to_array(m[4], ',')) AS d) AS mask,
                           1 << (extract(isodow FROM schedule_first_start)::int - 1) AS first_bit,
                           (schedule_first_start::date - date '2001-01-01' + 730485) / 7 AS week
                    FROM assets, regexp_match(schedule_rule,
                        '^FREQ=WEEKLY;INTERVAL=([2-4])(;WKST=(MO|TU|WE|TH|FR|SA|SU))?;BYDAY=((MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*)$') AS m
                    WHERE kind = 'activity' AND session_pattern = 0)
                UPDATE assets a SET open_days = w.mask, session_pattern = 2, session_every_weeks = w.every, session_week_phase = w.week % w.every
                FROM weekly w
                WHERE a.id = w.id AND (w.mask & w.first_bit) <> 0
                  AND (w.week_start IS NULL OR w.week_start = 'MO' OR w.mask = w.first_bit);
                """);

            // Dated searches now answer every-few-weeks rows in SQL: only irregular ones are still fetched for Ical.Net.
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_assets_sessions_to_check;");
            migrationBuilder.Sql("CREATE INDEX ix_assets_sessions_to_check ON assets (session_pattern) WHERE kind = 'activity' AND session_pattern = 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Every-few-weeks rows keep pattern 2 (the earlier search asks Ical.Net about their dates); the index goes
            // back to listing them.
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_assets_sessions_to_check;");
            migrationBuilder.Sql("CREATE INDEX ix_assets_sessions_to_check ON assets (session_pattern) WHERE kind = 'activity' AND session_pattern IN (0, 2);");

            migrationBuilder.DropColumn(
                name: "session_every_weeks",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "session_week_phase",
                table: "assets");
        }
    }
}
