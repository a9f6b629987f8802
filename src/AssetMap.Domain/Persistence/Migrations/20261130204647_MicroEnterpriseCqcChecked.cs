using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetMap.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MicroEnterpriseCqcChecked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "cqc_checked_on",
                table: "assets",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cqc_checked_on",
                table: "assets");
        }
    }
}
