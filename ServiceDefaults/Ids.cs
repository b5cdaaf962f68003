using System.Security.Cryptography;
using System.Text;

namespace Microsoft.Extensions.Hosting;

/// <summary>Opaque ids with a readable prefix ("job_", "doc_", "st_"...), random or derived from a natural key.</summary>
public static class Ids
{
    public static string New(string prefix) => $"{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10))}";

    /// <summary>The same natural key always gives the same id, so redelivered events create nothing twice.</summary>
    public static string FromKey(string prefix, string naturalKey) =>
        $"{prefix}_{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(naturalKey)))[..20]}";
}
