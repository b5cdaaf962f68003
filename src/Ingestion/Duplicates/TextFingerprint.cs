using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace IdmPlatform.Ingestion.Duplicates;

/// <summary>
/// A MinHash signature of a text's word shingles. Two texts whose shingle sets overlap by a Jaccard
/// similarity s agree on about s of their signature's positions, whatever boilerplate surrounds them.
/// The signature is cut into bands for lookup: near-duplicates share at least one band with high probability.
/// </summary>
public sealed class TextFingerprint
{
    public const int Size = 64;
    public const int Bands = 16;
    private const int RowsPerBand = Size / Bands;
    private const int ShingleWords = 4;

    private TextFingerprint(ulong[] signature) => Signature = signature;

    public IReadOnlyList<ulong> Signature { get; }

    public static TextFingerprint Of(string text)
    {
        var words = Words(text);
        var signature = Enumerable.Repeat(ulong.MaxValue, Size).ToArray();
        for (var i = 0; i + ShingleWords <= Math.Max(words.Count, ShingleWords); i++)
        {
            var shingle = string.Join(' ', words.Skip(i).Take(ShingleWords));
            var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(shingle));
            for (var k = 0; k < Size; k++)
            {
                // One cheap independent-enough hash per position: mix the shingle hash with the position.
                var h = Mix(hash ^ (0x9E3779B97F4A7C15UL * (ulong)(k + 1)));
                if (h < signature[k])
                {
                    signature[k] = h;
                }
            }
        }

        return new TextFingerprint(signature);
    }

    public static TextFingerprint FromSignature(IReadOnlyList<long> stored) => new(stored.Select(v => unchecked((ulong)v)).ToArray());

    public long[] ToStored() => Signature.Select(v => unchecked((long)v)).ToArray();

    /// <summary>One hash per band, so candidates are found by equality in the database.</summary>
    public long[] BandHashes()
    {
        var bands = new long[Bands];
        for (var b = 0; b < Bands; b++)
        {
            var bytes = new byte[RowsPerBand * sizeof(ulong) + 1];
            bytes[0] = (byte)b;
            for (var r = 0; r < RowsPerBand; r++)
            {
                BitConverter.TryWriteBytes(bytes.AsSpan(1 + (r * sizeof(ulong))), Signature[(b * RowsPerBand) + r]);
            }

            bands[b] = unchecked((long)XxHash64.HashToUInt64(bytes));
        }

        return bands;
    }

    public double Similarity(TextFingerprint other) =>
        (double)Signature.Zip(other.Signature).Count(p => p.First == p.Second) / Size;

    private static ulong Mix(ulong x)
    {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdUL;
        x ^= x >> 33;
        x *= 0xc4ceb9fe1a85ec53UL;
        x ^= x >> 33;
        return x;
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
