using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetMap.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchMonthDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "session_month_day",
                table: "assets",
                type: "integer",
                nullable: true);

            // Backfill what the entities now compute (WeeklyPattern.For): "the nth of every month" for n in 1–28, no end,
            // as Schedule.Create stores it (WKST before BYMONTHDAY, INTERVAL=1 dropped), with the first session on
            // the nth. Irregular rows only: every other pattern was already recognised and is not monthly by day.
            migrationBuilder.Sql(
                """
                UPDATE assets a SET open_days = 127, session_pattern = 4, session_month_week = NULL, session_month_day = m.n
                FROM (SELECT id, m[1]::int AS n
                      FROM assets, regexp_match(schedule_rule, '^FREQ=MONTHLY(?:;INTERVAL=1)?(?:;WKST=[A-Z]{2})?;BYMONTHDAY=([1-9]|1[0-9]|2[0-8])$') AS m
                      WHERE kind = 'activity' AND session_pattern = 0) AS m
                WHERE a.id = m.id AND extract(day FROM a.schedule_first_start)::int = m.n;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Without the column these rows are rules search must evaluate again.
            migrationBuilder.Sql("UPDATE assets SET session_pattern = 0 WHERE session_pattern = 4;");

            migrationBuilder.DropColumn(
                name: "session_month_day",
                table: "assets");
        }
    }
}
