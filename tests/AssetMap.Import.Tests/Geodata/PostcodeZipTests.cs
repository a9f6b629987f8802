using System.IO.Compression;
using AssetMap.Import.Geodata;

namespace AssetMap.Import.Tests.Geodata;

public sealed class PostcodeZipTests
{
    [Fact]
    public void An_onspd_zip_yields_its_national_csv_without_the_per_area_split_or_the_documents()
    {
        var names = DataEntries(
            "Data/ONSPD_FEB_2025_UK.csv", "Data/multi_csv/ONSPD_FEB_2025_UK_AB.csv", "Data/multi_csv/ONSPD_FEB_2025_UK_RM.csv",
            "Documents/LA_UA names and codes UK as at 04_23.csv", "User Guide/ONSPD User Guide Feb 2025.pdf", "readme.txt");

        Assert.Equal(["Data/ONSPD_FEB_2025_UK.csv"], names);
    }

    [Fact]
    public void A_zip_of_only_per_area_csvs_yields_them_all_in_name_order()
    {
        var names = DataEntries("Data/multi_csv/B.csv", "Data/multi_csv/A.CSV", "__MACOSX/Data/multi_csv/._A.csv");

        Assert.Equal(["Data/multi_csv/A.CSV", "Data/multi_csv/B.csv"], names);
    }

    [Fact]
    public void A_code_point_open_zip_yields_its_data_csvs_but_not_the_column_headers_file()
    {
        var names = DataEntries("Doc/Code-Point_Open_Column_Headers.csv", "Doc/licence.txt", "Data/CSV/rm.csv", "Data/CSV/ss.csv");

        Assert.Equal(["Data/CSV/rm.csv", "Data/CSV/ss.csv"], names);
    }

    private static List<string> DataEntries(params string[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                zip.CreateEntry(entry);
            }
        }

        memory.Position = 0;
        using var read = new ZipArchive(memory, ZipArchiveMode.Read);
        return [.. PostcodeZip.DataEntries(read).Select(e => e.FullName)];
    }
}
