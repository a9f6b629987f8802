using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetMap.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SearchPcnAreaOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_assets_pcn_area_code",
                table: "assets");

            migrationBuilder.CreateIndex(
                name: "ix_assets_pcn_area_code_name_id",
                table: "assets",
                columns: new[] { "pcn_area_code", "name", "id" })
                .Annotation("Npgsql:IndexInclude", new[] { "status", "kind", "last_verified_at", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_assets_pcn_area_code_name_id",
                table: "assets");

            migrationBuilder.CreateIndex(
                name: "ix_assets_pcn_area_code",
                table: "assets",
                column: "pcn_area_code");
        }
    }
}
