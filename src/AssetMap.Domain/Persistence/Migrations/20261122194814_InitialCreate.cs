using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using NpgsqlTypes;

#nullable disable

namespace AssetMap.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    synonyms = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_categories_categories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "pcn_areas",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    locality = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    boundary = table.Column<MultiPolygon>(type: "geometry (multipolygon, 4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pcn_areas", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "postcodes",
                columns: table => new
                {
                    postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    location = table.Column<Point>(type: "geography (point, 4326)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_postcodes", x => x.postcode);
                });

            migrationBuilder.CreateTable(
                name: "time_bank_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_ref = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    display_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    postcode_sector = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    coarse_location = table.Column<Point>(type: "geography (point, 4326)", nullable: false),
                    skills_offered = table.Column<string[]>(type: "text[]", nullable: false),
                    skills_wanted = table.Column<string[]>(type: "text[]", nullable: false),
                    availability = table.Column<string>(type: "text", nullable: true),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    source_external_ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    source_file = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_row = table.Column<int>(type: "integer", nullable: true),
                    source_sheet = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_bank_members", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "assets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    location = table.Column<Point>(type: "geography (point, 4326)", nullable: false),
                    public_location = table.Column<Point>(type: "geography (point, 4326)", nullable: false),
                    pcn_area_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    wheelchair_accessible = table.Column<bool>(type: "boolean", nullable: false),
                    accessibility_notes = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    last_verified_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: true, computedColumnSql: "setweight(to_tsvector('english', coalesce(name, '')), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')", stored: true),
                    address_line = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    address_postcode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    address_town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    contact_email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    contact_website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    source_external_ref = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    source_file = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    source_row = table.Column<int>(type: "integer", nullable: true),
                    source_sheet = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    opening_hours = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    facilities = table.Column<string[]>(type: "text[]", nullable: true),
                    services = table.Column<string[]>(type: "text[]", nullable: true),
                    price_pence = table.Column<long>(type: "bigint", nullable: true),
                    price_unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    accepts_direct_payments = table.Column<bool>(type: "boolean", nullable: true),
                    insurance_expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    dbs_checked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    cqc_registration = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    service_radius_metres = table.Column<int>(type: "integer", nullable: true),
                    service_area = table.Column<Polygon>(type: "geography (polygon, 4326)", nullable: true),
                    home_based = table.Column<bool>(type: "boolean", nullable: true),
                    shows_home_location = table.Column<bool>(type: "boolean", nullable: true),
                    provider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    venue_id = table.Column<Guid>(type: "uuid", nullable: true),
                    cost_pence = table.Column<long>(type: "bigint", nullable: true),
                    eligibility = table.Column<string>(type: "text", nullable: true),
                    referral = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    capacity = table.Column<int>(type: "integer", nullable: true),
                    schedule_duration = table.Column<TimeSpan>(type: "interval", nullable: true),
                    schedule_first_start = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    schedule_rule = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assets", x => x.id);
                    table.ForeignKey(
                        name: "fk_assets_assets_venue_id",
                        column: x => x.venue_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_assets_pcn_areas_pcn_area_code",
                        column: x => x.pcn_area_code,
                        principalTable: "pcn_areas",
                        principalColumn: "code",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "time_bank_exchanges",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    giver_id = table.Column<Guid>(type: "uuid", nullable: false),
                    receiver_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quarter_hours = table.Column<int>(type: "integer", nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_bank_exchanges", x => x.id);
                    table.CheckConstraint("ck_time_bank_exchanges_positive_hours", "quarter_hours > 0");
                    table.CheckConstraint("ck_time_bank_exchanges_two_members", "giver_id <> receiver_id");
                    table.ForeignKey(
                        name: "fk_time_bank_exchanges_time_bank_members_giver_id",
                        column: x => x.giver_id,
                        principalTable: "time_bank_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_time_bank_exchanges_time_bank_members_receiver_id",
                        column: x => x.receiver_id,
                        principalTable: "time_bank_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "asset_categories",
                columns: table => new
                {
                    asset_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asset_categories", x => new { x.asset_id, x.category_id });
                    table.ForeignKey(
                        name: "fk_asset_categories_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "assets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_asset_categories_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_asset_categories_category_id",
                table: "asset_categories",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_assets_location",
                table: "assets",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_assets_name_trgm",
                table: "assets",
                column: "name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_assets_pcn_area_code",
                table: "assets",
                column: "pcn_area_code");

            migrationBuilder.CreateIndex(
                name: "ix_assets_public_location",
                table: "assets",
                column: "public_location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_assets_search_vector",
                table: "assets",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_assets_service_area",
                table: "assets",
                column: "service_area")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_assets_slug",
                table: "assets",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_assets_status_kind",
                table: "assets",
                columns: new[] { "status", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_assets_venue_id",
                table: "assets",
                column: "venue_id");

            migrationBuilder.CreateIndex(
                name: "ix_categories_name",
                table: "categories",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_categories_parent_id",
                table: "categories",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_categories_slug",
                table: "categories",
                column: "slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_pcn_areas_boundary",
                table: "pcn_areas",
                column: "boundary")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_postcodes_location",
                table: "postcodes",
                column: "location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_exchanges_giver_id",
                table: "time_bank_exchanges",
                column: "giver_id");

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_exchanges_occurred_on",
                table: "time_bank_exchanges",
                column: "occurred_on");

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_exchanges_receiver_id",
                table: "time_bank_exchanges",
                column: "receiver_id");

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_members_coarse_location",
                table: "time_bank_members",
                column: "coarse_location")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_members_member_ref",
                table: "time_bank_members",
                column: "member_ref",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "asset_categories");

            migrationBuilder.DropTable(
                name: "postcodes");

            migrationBuilder.DropTable(
                name: "time_bank_exchanges");

            migrationBuilder.DropTable(
                name: "assets");

            migrationBuilder.DropTable(
                name: "categories");

            migrationBuilder.DropTable(
                name: "time_bank_members");

            migrationBuilder.DropTable(
                name: "pcn_areas");
        }
    }
}
