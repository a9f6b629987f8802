using AssetMap.Domain.Assets;
using AssetMap.Domain.Suggestions;

namespace AssetMap.Domain.Tests;

public sealed class SuggestionTests
{
    private static readonly string[] LunchClubSlugs = ["lunch-club", "lunch-club-grays", "lunch-club-grays-3", "lunch-club-grays-4"];

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Proposed_values_are_checked_by_the_entry_rules_and_reported_by_contract_field()
    {
        var rule = Assert.Throws<DomainRuleException>(() => Suggestion.Submit(Guid.NewGuid(), new Dictionary<string, string?> { ["contact.phone"] = "12345" }, null, null, Now));
        Assert.Equal("contact.phone", rule.Field);
        Assert.Equal("hub.openingHours", Assert.Throws<DomainRuleException>(() =>
            Suggestion.Submit(Guid.NewGuid(), new Dictionary<string, string?> { ["hub.openingHours"] = "Mondays" }, null, null, Now)).Field);
        Assert.Equal("name", Assert.Throws<DomainRuleException>(() =>
            Suggestion.Submit(Guid.NewGuid(), new Dictionary<string, string?> { ["name"] = "New name" }, null, null, Now)).Field);
    }

    [Fact]
    public void A_suggestion_needs_a_change_or_a_note_is_stored_normalised_and_is_decided_once()
    {
        Assert.Equal("note", Assert.Throws<DomainRuleException>(() => Suggestion.Submit(Guid.NewGuid(), new Dictionary<string, string?> { ["contact.phone"] = " " }, " ", null, Now)).Field);

        var suggestion = Suggestion.Submit(Guid.NewGuid(), new Dictionary<string, string?> { ["contact.email"] = " Desk@Example.org ", ["hub.openingHours"] = "mo-fr 09:00-17:00" }, null, null, Now);
        Assert.Equal("desk@example.org", suggestion.Proposed["contact.email"]);
        Assert.Equal("Mo-Fr 09:00-17:00", suggestion.Proposed["hub.openingHours"]);
        Assert.Equal(SuggestionStatus.Pending, suggestion.Status);

        Assert.Equal("reason", Assert.Throws<DomainRuleException>(() => suggestion.Dismiss("dana", "", Now)).Field);
        suggestion.Dismiss("dana", "Checked: unchanged", Now);
        Assert.Equal(SuggestionStatus.Dismissed, suggestion.Status);
        Assert.Equal("status", Assert.Throws<DomainRuleException>(() => suggestion.Accept("dana", Now)).Field);
    }

    [Fact]
    public void Slug_candidates_are_name_then_name_and_town_then_numbered()
    {
        Assert.Equal(LunchClubSlugs, Slug.Candidates("Lunch club", "Grays").Take(4));
    }
}
