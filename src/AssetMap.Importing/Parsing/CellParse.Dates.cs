using System.Globalization;
using System.Text.RegularExpressions;

namespace AssetMap.Import.Parsing;

internal static partial class CellParse
{
    private const string DateExamples = "write it day first, like 31/12/2026, 31 December 2026 or 2026-12-31";

    // Excel's 1900 date system: serial 1 is 1 January 1900 and serial 60 is 29 February 1900, a day that never
    // existed (Lotus 1-2-3's leap-year bug, kept for compatibility). From 61 on, serial n is 30 Dec 1899 + n days.
    private const int LastExcelSerial = 2958465; // 31 December 9999
    private const int FakeLeapDaySerial = 60;
    private static readonly DateOnly ExcelDayZero = new(1899, 12, 31);
    private static readonly DateOnly ExcelDayZeroAfterLeapBug = new(1899, 12, 30);

    /// <summary>
    /// Excel date cells, Excel serial numbers, and UK day-first text (31/12/2026, 31/12/26, 31-12-2026, 31.12.2026,
    /// 2026-12-31, 31 December 2026, 31 Dec 2026). Never month first: 03/04/2026 is 3 April.
    /// </summary>
    public static Parsed<DateOnly?> Date(object? cell)
    {
        switch (cell)
        {
            case DateTime dateTime:
                return Parsed.Success<DateOnly?>(DateOnly.FromDateTime(dateTime));
            case DateOnly date:
                return Parsed.Success<DateOnly?>(date);
            case double serial:
                return FromExcelSerial(serial);
            case bool:
                return Parsed.Fail<DateOnly?>($"The cell is a yes/no tick box, not a date: {DateExamples}.");
        }

        var text = AsText(cell);
        if (text is null)
        {
            return Parsed.Success<DateOnly?>(null);
        }

        if (DayFirstDate().Match(text) is { Success: true } dayFirst)
        {
            return Checked(text, Year(dayFirst.Groups["y"].Value), Int(dayFirst.Groups["m"].Value), Int(dayFirst.Groups["d"].Value));
        }

        if (IsoDate().Match(text) is { Success: true } iso)
        {
            return Checked(text, Int(iso.Groups["y"].Value), Int(iso.Groups["m"].Value), Int(iso.Groups["d"].Value));
        }

        if (WordyDate().Match(text) is { Success: true } wordy)
        {
            var month = MonthNumber(wordy.Groups["month"].Value);
            return month is null
                ? Parsed.Fail<DateOnly?>($"'{text}' has a month '{wordy.Groups["month"].Value}' that is not a month name: {DateExamples}.")
                : Checked(text, Year(wordy.Groups["y"].Value), month.Value, Int(wordy.Groups["d"].Value));
        }

        // A serial number typed or exported as text is a formatting accident, not a date anyone wrote.
        return text.All(char.IsAsciiDigit)
            ? Parsed.Fail<DateOnly?>($"'{text}' looks like an Excel date number in a text cell: format the cell as a date, or {DateExamples}.")
            : Parsed.Fail<DateOnly?>($"'{text}' is not a date: {DateExamples}.");
    }

    private static Parsed<DateOnly?> FromExcelSerial(double serial)
    {
        // A time of day after the decimal point belongs to the same date.
        var day = Math.Floor(serial);
        if (!double.IsFinite(day) || day is < 1 or > LastExcelSerial)
        {
            return Parsed.Fail<DateOnly?>(
                $"The number {FormatNumber(serial)} is not a date: format the cell as a date, or {DateExamples}.");
        }

        if (day == FakeLeapDaySerial)
        {
            return Parsed.Fail<DateOnly?>(
                "Excel date number 60 is 29 February 1900, a date that never existed (an old Excel bug): type the date out, like 28/02/1900.");
        }

        var date = day < FakeLeapDaySerial ? ExcelDayZero.AddDays((int)day) : ExcelDayZeroAfterLeapBug.AddDays((int)day);
        return Parsed.Success<DateOnly?>(date);
    }

    private static Parsed<DateOnly?> Checked(string text, int year, int month, int day)
    {
        if (month is < 1 or > 12)
        {
            return Parsed.Fail<DateOnly?>($"'{text}' has no month {month}: {DateExamples}.");
        }

        if (year < 1)
        {
            return Parsed.Fail<DateOnly?>($"'{text}' has no year: {DateExamples}.");
        }

        var daysInMonth = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            var monthName = CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
            return Parsed.Fail<DateOnly?>($"'{text}' is not a real date: {monthName} {year} has {daysInMonth} days.");
        }

        return Parsed.Success<DateOnly?>(new DateOnly(year, month, day));
    }

    // Two-digit years: 00-69 are this century, 70-99 the last (the same pivot as most spreadsheet tools).
    private static int Year(string digits)
    {
        var year = Int(digits);
        return digits.Length != 2 ? year : year < 70 ? 2000 + year : 1900 + year;
    }

    private static int? MonthNumber(string name)
    {
        var names = CultureInfo.InvariantCulture.DateTimeFormat;
        for (var month = 1; month <= 12; month++)
        {
            if (name.Equals(names.GetMonthName(month), StringComparison.OrdinalIgnoreCase)
                || name.Equals(names.GetAbbreviatedMonthName(month), StringComparison.OrdinalIgnoreCase))
            {
                return month;
            }
        }

        return name.Equals("sept", StringComparison.OrdinalIgnoreCase) ? 9 : null;
    }

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    // 31/12/2026, 31-12-26, 31.12.2026: the same separator twice.
    [GeneratedRegex(@"^(?<d>\d{1,2})(?<sep>[/.\-])(?<m>\d{1,2})\k<sep>(?<y>\d{4}|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstDate();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    // 1 March 2026, 1st Mar 2026, 1 Sept. 2026
    [GeneratedRegex(@"^(?<d>\d{1,2})(?:st|nd|rd|th)?\s+(?<month>[A-Za-z]+)\.?,?\s+(?<y>\d{4}|\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WordyDate();
}
