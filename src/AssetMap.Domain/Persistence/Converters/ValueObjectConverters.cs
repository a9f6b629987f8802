using System.Text.RegularExpressions;
using AssetMap.Domain.Assets;
using AssetMap.Domain.Places;
using AssetMap.Domain.TimeBank;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace AssetMap.Domain.Persistence.Converters;

internal sealed class PostcodeConverter() : ValueConverter<Postcode, string>(p => p.Value, s => Postcode.Parse(s));

internal sealed class OpeningHoursConverter() : ValueConverter<OpeningHours, string>(h => h.ToString(), s => OpeningHours.Parse(s));

internal sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Pence, p => new Money(p));

internal sealed class HoursConverter() : ValueConverter<Hours, int>(h => h.Quarters, q => new Hours(q));

/// <summary>Enums as readable snake_case text (<c>micro_enterprise</c>), so SQL and psql sessions read naturally.</summary>
internal sealed partial class SnakeCaseEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    e => ToSnake(e.ToString()), s => Enum.Parse<TEnum>(s.Replace("_", "", StringComparison.Ordinal), true))
    where TEnum : struct, Enum
{
    private static string ToSnake(string name) => Boundary().Replace(name, "$1_$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex Boundary();
}
