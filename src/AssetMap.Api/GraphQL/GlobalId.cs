using System.Text;

namespace AssetMap.Api.GraphQL;

/// <summary>Relay global ids: base64 of "Type:key", opaque to clients.</summary>
internal static class GlobalId
{
    public static string Encode(string type, string key) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{type}:{key}"));

    public static (string Type, string Key)? Decode(string id)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(id));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? (text[..colon], text[(colon + 1)..]) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
