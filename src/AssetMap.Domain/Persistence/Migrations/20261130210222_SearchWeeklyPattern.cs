using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetMap.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchWeeklyPattern : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "open_days",
                table: "assets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "session_month_week",
                table: "assets",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "session_pattern",
                table: "assets",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_assets_name_id",
                table: "assets",
                columns: new[] { "name", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "kind", "last_verified_at", "created_at" });

            // Backfill what the entities now compute (WeeklyPattern). Conservative: a rule not recognised here stays
            // Irregular with every day set, which search answers with Ical.Net exactly as before.
            migrationBuilder.Sql(
                """
                UPDATE assets a SET open_days = coalesce((
                    SELECT bit_or(1 << d)
                    FROM regexp_split_to_table(a.opening_hours, '\s*;\s*') AS r(rule),
                         regexp_split_to_table(split_part(trim(r.rule), ' ', 1), ',') AS p(part),
                         generate_series(
                             array_position(ARRAY['mo','tu','we','th','fr','sa','su'], lower(split_part(p.part, '-', 1))) - 1,
                             array_position(ARRAY['mo','tu','we','th','fr','sa','su'],
                                 lower(coalesce(nullif(split_part(p.part, '-', 2), ''), split_part(p.part, '-', 1)))) - 1) AS d
                    WHERE trim(r.rule) <> ''), 0)
                WHERE kind = 'hub' AND opening_hours IS NOT NULL;

                UPDATE assets SET open_days = 127, session_pattern = 0, session_month_week = NULL WHERE kind = 'activity';

                UPDATE assets SET open_days = 127, session_pattern = 1 WHERE kind = 'activity' AND schedule_rule = 'FREQ=DAILY';

                WITH weekly AS (
                    SELECT id, coalesce(m[2], '1')::int AS every,
                           (SELECT bit_or(1 << (array_position(ARRAY['MO','TU','WE','TH','FR','SA','SU'], d) - 1))
                            FROM unnest(string_to_array(m[3], ',')) AS d) AS mask,
                           1 << (extract(isodow FROM schedule_first_start)::int - 1) AS first_bit
                    FROM assets, regexp_match(schedule_rule, '^FREQ=WEEKLY(;INTERVAL=([1-4]))?;BYDAY=((MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*)$') AS m
                    WHERE kind = 'activity')
                UPDATE assets a SET open_days = w.mask, session_pattern = CASE WHEN w.every = 1 THEN 1 ELSE 2 END
                FROM weekly w WHERE a.id = w.id AND (w.mask & w.first_bit) <> 0;

                WITH monthly AS (
                    SELECT id, m[1]::int AS week, 1 << (array_position(ARRAY['MO','TU','WE','TH','FR','SA','SU'], m[2]) - 1) AS mask,
                           1 << (extract(isodow FROM schedule_first_start)::int - 1) AS first_bit,
                           extract(day FROM schedule_first_start)::int AS day,
                           extract(day FROM date_trunc('month', schedule_first_start) + interval '1 month - 1 day')::int AS days_in_month
                    FROM assets, regexp_match(schedule_rule, '^FREQ=MONTHLY;BYDAY=(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$') AS m
                    WHERE kind = 'activity')
                UPDATE assets a SET open_days = m.mask, session_pattern = 3, session_month_week = m.week
                FROM monthly m
                WHERE a.id = m.id AND m.mask = m.first_bit
                  AND (CASE WHEN m.week = -1 THEN m.day + 7 > m.days_in_month ELSE (m.day - 1) / 7 + 1 = m.week END);
                """);

            // The activities openOn still asks Ical.Net about (irregular rules, first sessions far ahead): found by
            // index, not by scanning every row. Raw SQL: EF cannot index a complex property's column.
            migrationBuilder.Sql("CREATE INDEX ix_assets_sessions_to_check ON assets (session_pattern) WHERE kind = 'activity' AND session_pattern IN (0, 2);");
            migrationBuilder.Sql("CREATE INDEX ix_assets_schedule_first_start ON assets (schedule_first_start) WHERE kind = 'activity';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_assets_sessions_to_check;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_assets_schedule_first_start;");

            migrationBuilder.DropIndex(
                name: "ix_assets_name_id",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "open_days",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "session_month_week",
                table: "assets");

            migrationBuilder.DropColumn(
                name: "session_pattern",
                table: "assets");
        }
    }
}
