using System.Text;

namespace AssetMap.Import.Tests.Fixtures;

/// <summary>
/// The committed reader fixtures and the code that makes them. Regenerate with
/// <c>UPDATE_FIXTURES=1 dotnet test tests/AssetMap.Import.Tests --filter "FullyQualifiedName~FixtureFileTests"</c>;
/// without the variable that test checks the committed files still match this code.
/// </summary>
public static class FixtureFiles
{
    public const string Workbook = "cvs-directory.xlsx";
    public const string Windows1252Csv = "windows-1252-semicolon.csv";
    public const string Utf8BomCsv = "utf8-bom.csv";

    /// <summary>Absolute path of this folder in the source tree (the tests read the committed files).</summary>
    public static string Directory { get; } = FindDirectory();

    public static string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Writes every fixture into <paramref name="directory"/>.</summary>
    public static void WriteAll(string directory)
    {
        XlsxWriter.Write(Path.Combine(directory, Workbook), [MicroEnterprisesSheet(), ActivitiesSheet(), NotesSheet()]);
        File.WriteAllBytes(Path.Combine(directory, Windows1252Csv), Windows1252SemicolonCsv());
        File.WriteAllBytes(Path.Combine(directory, Utf8BomCsv), Utf8BomCsvBytes());
    }

    // Title rows, a blank row, "Contact" merged over Tel/E-mail above the real header (row 5), a blank row between
    // records, a formula price, dates, a boolean, BNG coordinates on one row, an unknown and a duplicate column.
    private static SheetSpec MicroEnterprisesSheet() => new("Micro-enterprises", new Dictionary<int, object?[]>
    {
        [1] = ["Thurrock CVS – Community Directory – updated March 2026"],
        [2] = ["Micro-enterprises: check details with the provider before referring"],
        [4] = [null, null, null, null, null, "Contact"],
        [5] = ["Ref", "Organisation name", "Address", "Town", "Post Code", "Tel", "E-mail", "Price", "Price unit",
            "Insurance expiry", "Home based", "Easting", "Northing", "Latitude", "Longitude", "Officer notes",
            "Email address"],
        [6] = ["ME-101", "Aveley Friday Lunch Club", "91 High Street", "Aveley", "RM15 4ZQ", "01632 960730",
            "aveleyfridaylunchclub@example.org", new Styled(6.5, XlsxWriter.PoundsStyle), "per meal",
            new DateTime(2026, 5, 27), false, null, null, 51.5019, 0.2556, "Call before visiting",
            "lunchclub@example.org"],
        [7] = ["ME-102", "Paws at Home Aveley", "135 High Street", "Aveley", "RM15 4XP", "01632 960287",
            "pawsathomeaveley@example.org", new Formula("5+2.5", 7.5), "per visit", new DateTime(2026, 10, 13), true,
            null, null, 51.4943, 0.2554],
        [9] = ["ME-103", "Grays Garden Helpers", null, "Grays", "RM17 6SL", "01632 960412",
            "graysgardenhelpers@example.org", 15, "per hour", new DateTime(2026, 3, 31), true, 561500, 178200],
    }, ["A1:H1", "F4:G4"]);

    private static SheetSpec ActivitiesSheet() => new("Activities", new Dictionary<int, object?[]>
    {
        [1] = ["Activities – spring 2026"],
        [2] = ["Ref", "Activity name", "Run by", "Venue ref", "First session", "Start time", "End time", "Cost",
            "Wheelchair accessible", "Places"],
        [3] = ["ACT-101", "Aveley Walk and Talk", "Thurrock Health Walks", null,
            new Styled(new DateTime(2026, 4, 14).ToOADate(), XlsxWriter.UkDateStyle),
            new Styled(10.0 / 24, XlsxWriter.TimeStyle), new Styled(11.0 / 24, XlsxWriter.TimeStyle), "Free", true],
        [4] = ["ACT-102", "Chair Yoga at Aveley", "Stretch and Breathe CIC", "HUB-001",
            new Styled(new DateTime(2026, 4, 16).ToOADate(), XlsxWriter.UkDateStyle),
            new Styled(11.0 / 24, XlsxWriter.TimeStyle), new Styled(12.0 / 24, XlsxWriter.TimeStyle), "£3", true, 16],
    }, []);

    private static SheetSpec NotesSheet() => new("Notes", new Dictionary<int, object?[]>
    {
        [1] = ["Ask Sam before changing the column order: the mail merge reads it."],
    }, []);

    // As Excel on a UK Windows PC saves "CSV" with a semicolon list separator: Windows-1252, CRLF, a title line.
    private static byte[] Windows1252SemicolonCsv()
    {
        var text = string.Join("\r\n",
            "Thurrock CVS – activities export;;;;;",
            "",
            "Ref;Activity name;Provider;Cost;Accessibility notes;Town",
            "ACT-201;Chair Yoga at Aveley;Stretch and Breathe CIC;£3;\"Level access; accessible toilet",
            "Hearing loop in the main hall\";Aveley",
            "ACT-202;\"Tea and Chat \"\"Drop-in\"\"\";Thurrock Befriending;Free;Step-free;Grays",
            ";;;;;",
            "ACT-203;Café Crafts;Grays Makers;£2.50;;Grays",
            "");
        return CodePages.Windows1252.GetBytes(text);
    }

    private static byte[] Utf8BomCsvBytes()
    {
        var text = string.Join("\n",
            "Ref,Name,Town,Postcode,Phone,Email,Price,Categories,Last verified",
            "ME-201,Café Companions,Grays,RM17 6SL,01632 960118,cafecompanions@example.org,£4.00,\"Lunch clubs, Social groups\",01/02/2026",
            "ME-202,Tilbury Odd Jobs,Tilbury,RM18 7NR,01632 960349,tilburyoddjobs@example.org,£15,Home help;Gardening,12/01/2026",
            "",
            "ME-203,Stanford Sewing Circle,Stanford-le-Hope,SS17 0AB,01632 960577,stanfordsewing@example.org,,Sewing and mending,",
            "");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    private static string FindDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "AssetMap.Import.Tests", "Fixtures");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/AssetMap.Import.Tests/Fixtures was not found above " + AppContext.BaseDirectory);
    }

    private static class CodePages
    {
        public static Encoding Windows1252 { get; } = Load();

        private static Encoding Load()
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(1252);
        }
    }
}
