using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetMap.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PublicPostcode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "public_postcode",
                table: "assets",
                type: "character varying(8)",
                maxLength: 8,
                nullable: true);

            // Existing rows: the outward code only for a home-based business that has not opted in (as
            // Asset.RefreshPublicLocation does), and the PCN area re-derived from the public point, not the home.
            migrationBuilder.Sql(
                """
                UPDATE assets SET public_postcode = CASE
                    WHEN kind = 'micro_enterprise' AND home_based AND NOT shows_home_location
                    THEN split_part(address_postcode, ' ', 1) ELSE address_postcode END;
                UPDATE assets a SET pcn_area_code = derived.code
                FROM (SELECT x.id, (SELECT p.code FROM pcn_areas p WHERE ST_Covers(p.boundary, x.public_location::geometry)
                                    ORDER BY p.code LIMIT 1) AS code
                      FROM assets x) derived
                WHERE derived.id = a.id AND a.pcn_area_code IS DISTINCT FROM derived.code;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "public_postcode",
                table: "assets");
        }
    }
}
