using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace AssetMap.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TimeBankLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_time_bank_exchanges_positive_hours",
                table: "time_bank_exchanges");

            migrationBuilder.AlterColumn<string>(
                name: "postcode_sector",
                table: "time_bank_members",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<Point>(
                name: "coarse_location",
                table: "time_bank_members",
                type: "geography (point, 4326)",
                nullable: true,
                oldClrType: typeof(Point),
                oldType: "geography (point, 4326)");

            migrationBuilder.AlterColumn<string>(
                name: "availability",
                table: "time_bank_members",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_details",
                table: "time_bank_members",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "contact_preference",
                table: "time_bank_members",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "first_name",
                table: "time_bank_members",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "last_initial",
                table: "time_bank_members",
                type: "character varying(1)",
                maxLength: 1,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "left_on",
                table: "time_bank_members",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "offer_details",
                table: "time_bank_members",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "time_bank_id",
                table: "time_bank_members",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "category_slug",
                table: "time_bank_exchanges",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "time_bank_exchanges",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "recorded_by",
                table: "time_bank_exchanges",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "request_fingerprint",
                table: "time_bank_exchanges",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "reverses_id",
                table: "time_bank_exchanges",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "time_bank_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    exchange_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quarter_hours = table.Column<int>(type: "integer", nullable: false),
                    posted_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_bank_entries", x => x.id);
                    table.CheckConstraint("ck_time_bank_entries_not_zero", "quarter_hours <> 0");
                    table.ForeignKey(
                        name: "fk_time_bank_entries_time_bank_exchanges_exchange_id",
                        column: x => x.exchange_id,
                        principalTable: "time_bank_exchanges",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_time_bank_entries_time_bank_members_member_id",
                        column: x => x.member_id,
                        principalTable: "time_bank_members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "time_banks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    slug = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    broker_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    broker_email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    broker_phone = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    credit_limit_quarter_hours = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_time_banks", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_members_skills_offered",
                table: "time_bank_members",
                column: "skills_offered")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_members_time_bank_id",
                table: "time_bank_members",
                column: "time_bank_id");

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_exchanges_idempotency_key",
                table: "time_bank_exchanges",
                column: "idempotency_key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_exchanges_reverses_id",
                table: "time_bank_exchanges",
                column: "reverses_id",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_time_bank_exchanges_positive_hours",
                table: "time_bank_exchanges",
                sql: "quarter_hours > 0 AND quarter_hours <= 96");

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_entries_exchange_id",
                table: "time_bank_entries",
                column: "exchange_id");

            migrationBuilder.CreateIndex(
                name: "ix_time_bank_entries_member_id_posted_on_id",
                table: "time_bank_entries",
                columns: new[] { "member_id", "posted_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_time_banks_slug",
                table: "time_banks",
                column: "slug",
                unique: true);

            // Members from before time banks had their own table join one bank named for the deployment; the broker
            // renames it and sets the contact details. Old statuses map to the member lifecycle, and every existing
            // exchange gets its two ledger entries.
            migrationBuilder.Sql("""
                INSERT INTO time_banks (id, slug, name, broker_name, broker_email, broker_phone)
                SELECT gen_random_uuid(), 'time-bank', 'Time bank', 'Time-bank broker', 'timebank@example.org', NULL
                WHERE EXISTS (SELECT 1 FROM time_bank_members);
                UPDATE time_bank_members SET
                    time_bank_id = (SELECT id FROM time_banks WHERE slug = 'time-bank'),
                    status = CASE status WHEN 'published' THEN 'active' ELSE 'deactivated' END,
                    first_name = split_part(display_name, ' ', 1),
                    last_initial = COALESCE(left(NULLIF(split_part(display_name, ' ', 2), ''), 1), ''),
                    contact_preference = 'phone';
                UPDATE time_bank_exchanges SET recorded_by = 'import';
                INSERT INTO time_bank_entries (exchange_id, member_id, quarter_hours, posted_on)
                SELECT id, giver_id, quarter_hours, occurred_on FROM time_bank_exchanges
                UNION ALL SELECT id, receiver_id, -quarter_hours, occurred_on FROM time_bank_exchanges;
                """);

            migrationBuilder.AddForeignKey(
                name: "fk_time_bank_exchanges_time_bank_exchanges_reverses_id",
                table: "time_bank_exchanges",
                column: "reverses_id",
                principalTable: "time_bank_exchanges",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_time_bank_members_time_banks_time_bank_id",
                table: "time_bank_members",
                column: "time_bank_id",
                principalTable: "time_banks",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The ledger is append-only and balanced whoever writes to it: exchanges and entries are never updated
            // or deleted (a mistake is a reversal), and every exchange's entries sum to zero when its transaction commits.
            migrationBuilder.Sql("""
                CREATE FUNCTION time_bank_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'The time-bank ledger is append-only: % on % refused; record a reversal instead.', TG_OP, TG_TABLE_NAME
                        USING ERRCODE = 'integrity_constraint_violation';
                END $$;
                CREATE TRIGGER time_bank_exchanges_append_only BEFORE UPDATE OR DELETE ON time_bank_exchanges
                    FOR EACH ROW EXECUTE FUNCTION time_bank_ledger_append_only();
                CREATE TRIGGER time_bank_entries_append_only BEFORE UPDATE OR DELETE ON time_bank_entries
                    FOR EACH ROW EXECUTE FUNCTION time_bank_ledger_append_only();

                CREATE FUNCTION time_bank_exchange_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF (SELECT count(*) <> 2 OR COALESCE(sum(quarter_hours), 1) <> 0 FROM time_bank_entries WHERE exchange_id = NEW.id) THEN
                        RAISE EXCEPTION 'Exchange % does not post exactly two entries summing to zero.', NEW.id
                            USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER time_bank_exchanges_balanced AFTER INSERT ON time_bank_exchanges
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION time_bank_exchange_balanced();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER time_bank_exchanges_balanced ON time_bank_exchanges;
                DROP TRIGGER time_bank_entries_append_only ON time_bank_entries;
                DROP TRIGGER time_bank_exchanges_append_only ON time_bank_exchanges;
                DROP FUNCTION time_bank_exchange_balanced();
                DROP FUNCTION time_bank_ledger_append_only();
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_time_bank_exchanges_time_bank_exchanges_reverses_id",
                table: "time_bank_exchanges");

            migrationBuilder.DropForeignKey(
                name: "fk_time_bank_members_time_banks_time_bank_id",
                table: "time_bank_members");

            migrationBuilder.DropTable(
                name: "time_bank_entries");

            migrationBuilder.DropTable(
                name: "time_banks");

            migrationBuilder.DropIndex(
                name: "ix_time_bank_members_skills_offered",
                table: "time_bank_members");

            migrationBuilder.DropIndex(
                name: "ix_time_bank_members_time_bank_id",
                table: "time_bank_members");

            migrationBuilder.DropIndex(
                name: "ix_time_bank_exchanges_idempotency_key",
                table: "time_bank_exchanges");

            migrationBuilder.DropIndex(
                name: "ix_time_bank_exchanges_reverses_id",
                table: "time_bank_exchanges");

            migrationBuilder.DropCheckConstraint(
                name: "ck_time_bank_exchanges_positive_hours",
                table: "time_bank_exchanges");

            migrationBuilder.DropColumn(
                name: "contact_details",
                table: "time_bank_members");

            migrationBuilder.DropColumn(
                name: "contact_preference",
                table: "time_bank_members");

            migrationBuilder.DropColumn(
                name: "first_name",
                table: "time_bank_members");

            migrationBuilder.DropColumn(
                name: "last_initial",
                table: "time_bank_members");

            migrationBuilder.DropColumn(
                name: "left_on",
                table: "time_bank_members");

            migrationBuilder.DropColumn(
                name: "offer_details",
                table: "time_bank_members");

            migrationBuilder.DropColumn(
                name: "time_bank_id",
                table: "time_bank_members");

            migrationBuilder.DropColumn(
                name: "category_slug",
                table: "time_bank_exchanges");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "time_bank_exchanges");

            migrationBuilder.DropColumn(
                name: "recorded_by",
                table: "time_bank_exchanges");

            migrationBuilder.DropColumn(
                name: "request_fingerprint",
                table: "time_bank_exchanges");

            migrationBuilder.DropColumn(
                name: "reverses_id",
                table: "time_bank_exchanges");

            migrationBuilder.AlterColumn<string>(
                name: "postcode_sector",
                table: "time_bank_members",
                type: "character varying(6)",
                maxLength: 6,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(6)",
                oldMaxLength: 6,
                oldNullable: true);

            migrationBuilder.AlterColumn<Point>(
                name: "coarse_location",
                table: "time_bank_members",
                type: "geography (point, 4326)",
                nullable: false,
                oldClrType: typeof(Point),
                oldType: "geography (point, 4326)",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "availability",
                table: "time_bank_members",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(500)",
                oldMaxLength: 500,
                oldNullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_time_bank_exchanges_positive_hours",
                table: "time_bank_exchanges",
                sql: "quarter_hours > 0");
        }
    }
}
