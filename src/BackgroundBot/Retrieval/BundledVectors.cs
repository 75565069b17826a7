using System.Security.Cryptography;
using System.Text;

namespace BackgroundBot.Retrieval;

/// <summary>
/// Vectors of the bundled seed article and starter pack, computed once with the local model and shipped beside the
/// executable, keyed by the SHA-256 of each passage's text. A new store is seeded without running the model; a
/// passage whose text is not in the file (edited, or imported later) is embedded as usual.
/// </summary>
public static class BundledVectors
{
    private const string Magic = "BBVEC1";

    public static string PathFor(string model) =>
        System.IO.Path.Combine(AppContext.BaseDirectory, "Data", "embeddings", $"{model.Replace(':', '-')}.vectors");

    public static string Key(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>The vectors in <paramref name="path"/> by text key; empty when the file is missing or of another model.</summary>
    public static IReadOnlyDictionary<string, float[]> Load(string path, string model)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, float[]>();
        }

        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        if (reader.ReadString() != Magic || reader.ReadString() != model)
        {
            return new Dictionary<string, float[]>();
        }

        var dimensions = reader.ReadInt32();
        var count = reader.ReadInt32();
        var vectors = new Dictionary<string, float[]>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = Convert.ToHexString(reader.ReadBytes(32));
            var vector = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] = reader.ReadSingle();
            }

            vectors[key] = vector;
        }

        return vectors;
    }

    /// <summary>Writes the vectors of <paramref name="passages"/> (text and vector), replacing the file atomically.</summary>
    public static int Write(string path, string model, IEnumerable<(string Text, float[] Vector)> passages)
    {
        var distinct = passages.GroupBy(p => Key(p.Text)).Select(g => (Key: g.Key, g.First().Vector)).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temp = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        using (var writer = new BinaryWriter(File.Create(temp), Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(model);
            writer.Write(distinct.Count == 0 ? 0 : distinct[0].Vector.Length);
            writer.Write(distinct.Count);
            foreach (var (key, vector) in distinct)
            {
                writer.Write(Convert.FromHexString(key));
                foreach (var value in vector)
                {
                    writer.Write(value);
                }
            }
        }

        File.Move(temp, path, overwrite: true);
        return distinct.Count;
    }
}
