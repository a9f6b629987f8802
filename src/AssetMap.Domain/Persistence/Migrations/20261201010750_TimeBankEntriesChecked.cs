using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AssetMap.Domain.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class TimeBankEntriesChecked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The balanced check on time_bank_exchanges runs when an exchange is inserted; an entry added later to an
            // existing exchange (or posted to someone else) slipped past it. This one runs for every entry, at commit.
            migrationBuilder.Sql("""
                CREATE FUNCTION time_bank_entries_match_exchange() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NOT EXISTS (
                        SELECT 1 FROM time_bank_exchanges x
                        WHERE x.id = NEW.exchange_id
                          AND (SELECT count(*) FROM time_bank_entries e WHERE e.exchange_id = x.id) = 2
                          AND EXISTS (SELECT 1 FROM time_bank_entries e WHERE e.exchange_id = x.id AND e.member_id = x.giver_id AND e.quarter_hours = x.quarter_hours)
                          AND EXISTS (SELECT 1 FROM time_bank_entries e WHERE e.exchange_id = x.id AND e.member_id = x.receiver_id AND e.quarter_hours = -x.quarter_hours)) THEN
                        RAISE EXCEPTION 'Exchange % must post exactly the giver''s credit and the receiver''s debit of its hours.', NEW.exchange_id
                            USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE CONSTRAINT TRIGGER time_bank_entries_match_exchange AFTER INSERT ON time_bank_entries
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION time_bank_entries_match_exchange();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER time_bank_entries_match_exchange ON time_bank_entries;
                DROP FUNCTION time_bank_entries_match_exchange();
                """);
        }
    }
}
