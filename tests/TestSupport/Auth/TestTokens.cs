using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AssetMap.TestSupport;

/// <summary>
/// Real JWT bearer tokens for test hosts: the host validates them with the same JwtBearer handler production uses,
/// configured (by <see cref="Settings"/>) with this class's signing key, as <c>dotnet user-jwts</c> configures Development.
/// </summary>
public static class TestTokens
{
    public const string Issuer = "assetmap-tests";
    public const string Audience = "assetmap-api";

    // 256-bit HMAC key, fixed so a token minted in one test process is valid in any test host of that process.
    private static readonly byte[] Key = Convert.FromBase64String("x0vGq4bJm1b8wK7m2Jm9y0W3m3t4Q8n6k2V1p5d7s9A=");

    /// <summary>The configuration a test host needs to accept these tokens.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Authentication:Schemes:Bearer:ValidIssuer"] = Issuer,
        ["Authentication:Schemes:Bearer:ValidAudiences:0"] = Audience,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Issuer"] = Issuer,
        ["Authentication:Schemes:Bearer:SigningKeys:0:Value"] = Convert.ToBase64String(Key),
    };

    /// <summary>A token for <paramref name="user"/> holding <paramref name="roles"/>, valid for an hour.</summary>
    public static string For(string user, params string[] roles) => Mint(user, roles, DateTime.UtcNow.AddHours(1));

    /// <summary>A token that expired <paramref name="ago"/> ago.</summary>
    public static string Expired(string user, TimeSpan ago, params string[] roles) =>
        Mint(user, roles, DateTime.UtcNow - ago, DateTime.UtcNow - ago - TimeSpan.FromHours(1));

    private static string Mint(string user, string[] roles, DateTime expires, DateTime? notBefore = null, string audience = Audience)
    {
        var claims = new List<Claim> { new("sub", user), new("unique_name", user) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            IssuedAt = notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The same claims as <see cref="For"/> with <c>"alg": "none"</c> and no signature: must never be accepted.</summary>
    public static string WithoutSignature(string user, params string[] roles)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>
        {
            ["sub"] = user, ["unique_name"] = user, ["role"] = roles, ["iss"] = Issuer, ["aud"] = Audience,
            ["nbf"] = now - 60, ["iat"] = now - 60, ["exp"] = now + 3600,
        };
        return Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
            + Base64UrlEncoder.Encode(System.Text.Json.JsonSerializer.Serialize(payload)) + ".";
    }

    /// <summary>A valid signature for the wrong audience.</summary>
    public static string ForAudience(string audience, string user, params string[] roles) =>
        Mint(user, roles, DateTime.UtcNow.AddHours(1), audience: audience);
}
