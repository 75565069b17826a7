using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace BackgroundBot.Retrieval;

/// <summary>
/// 8-bit copies of stored vectors (and 16-bit ones of the question) for the first pass of a vector search. A scan of
/// 100k float vectors reads 150 MB, more than memory delivers in a few milliseconds; their 8-bit codes are a quarter
/// of that. Each row keeps the length of what rounding took away, which bounds how far its approximate similarity can
/// be from the exact one, so the exact ranking is recovered by rescoring only the rows whose bounds reach the top.
/// </summary>
internal static class QuantizedVector
{
    /// <summary>The largest code of a stored vector's component: the row's largest magnitude maps to it.</summary>
    public const int RowLevels = 127;

    /// <summary>
    /// The largest code of a question's component, as fine as 16 bits allow while a dot product of
    /// <paramref name="dimensions"/> components still fits an <see cref="int"/>: 32,767 up to 516 components (the
    /// local models have 384), fewer for a server model's 1,536 or 3,072.
    /// </summary>
    public static int QueryLevels(int dimensions) => Math.Min(short.MaxValue, int.MaxValue / (RowLevels * Math.Max(dimensions, 1)));

    /// <summary>
    /// Writes <paramref name="vector"/>'s codes into <paramref name="codes"/>; returns the scale that turns codes back
    /// into components and the Euclidean length of the rounding error.
    /// </summary>
    public static (float Scale, float Residual) QuantiseRow(ReadOnlySpan<float> vector, Span<sbyte> codes)
    {
        var max = vector.IsEmpty ? 0 : MathF.Abs(TensorPrimitives.MaxMagnitude(vector));
        if (!(max > 0) || !float.IsFinite(max))
        {
            codes.Clear();
            return (0, vector.IsEmpty ? 0 : TensorPrimitives.Norm(vector));
        }

        // Vectorised, as every stored vector passes through here at start: the codes as floats, the decoded vector's
        // difference from the original, then the codes narrowed (already within ±127).
        var scale = max / RowLevels;
        var rented = vector.Length > 1024 ? new float[vector.Length] : null;
        var scaled = rented is null ? stackalloc float[vector.Length] : rented.AsSpan();
        TensorPrimitives.Divide(vector, scale, scaled);
        TensorPrimitives.Round(scaled, scaled);
        TensorPrimitives.Clamp(scaled, -RowLevels, RowLevels, scaled);
        for (var i = 0; i < scaled.Length; i++)
        {
            codes[i] = (sbyte)scaled[i];
        }

        TensorPrimitives.MultiplyAdd(scaled, -scale, vector, scaled);
        return (scale, TensorPrimitives.Norm(scaled));
    }

    /// <summary>The question's codes, as <see cref="QuantiseRow"/> but on up to 16 bits, so its rounding is negligible.</summary>
    public static (float Scale, float Residual) QuantiseQuery(ReadOnlySpan<float> query, Span<short> codes)
    {
        var levels = QueryLevels(query.Length);
        var max = query.IsEmpty ? 0 : MathF.Abs(TensorPrimitives.MaxMagnitude(query));
        if (!(max > 0) || !float.IsFinite(max))
        {
            codes.Clear();
            return (0, query.IsEmpty ? 0 : TensorPrimitives.Norm(query));
        }

        var scale = max / levels;
        var residual = 0d;
        for (var i = 0; i < query.Length; i++)
        {
            var code = (short)Math.Clamp(MathF.Round(query[i] / scale), -levels, levels);
            codes[i] = code;
            var error = query[i] - ((double)code * scale);
            residual += error * error;
        }

        return (scale, (float)Math.Sqrt(residual));
    }

    /// <summary>The integer dot product of a row's codes and the question's codes (both of the same length).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Dot(ReadOnlySpan<sbyte> row, ReadOnlySpan<short> query)
    {
        ref var r = ref MemoryMarshal.GetReference(row);
        ref var q = ref MemoryMarshal.GetReference(query);
        var length = row.Length;
        var i = 0;
        var sum = 0;

        // Widen the row's bytes to 16 bits and multiply-add pairs into 32-bit lanes (vpmaddwd): exact integer
        // arithmetic, one instruction per 16 or 32 components.
        if (Avx512BW.IsSupported && length >= Vector512<short>.Count)
        {
            var acc = Vector512<int>.Zero;
            for (; i <= length - Vector512<short>.Count; i += Vector512<short>.Count)
            {
                var wide = Avx512BW.ConvertToVector512Int16(Vector256.LoadUnsafe(ref r, (nuint)i));
                acc += Avx512BW.MultiplyAddAdjacent(wide, Vector512.LoadUnsafe(ref q, (nuint)i));
            }

            sum = Vector512.Sum(acc);
        }
        else if (Avx2.IsSupported && length >= Vector256<short>.Count)
        {
            var acc = Vector256<int>.Zero;
            for (; i <= length - Vector256<short>.Count; i += Vector256<short>.Count)
            {
                var wide = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref r, (nuint)i));
                acc += Avx2.MultiplyAddAdjacent(wide, Vector256.LoadUnsafe(ref q, (nuint)i));
            }

            sum = Vector256.Sum(acc);
        }
        else if (Vector128.IsHardwareAccelerated && length >= Vector128<sbyte>.Count)
        {
            // Elsewhere (Arm): widen to 32 bits and multiply there.
            var acc = Vector128<int>.Zero;
            for (; i <= length - Vector128<sbyte>.Count; i += Vector128<sbyte>.Count)
            {
                var (low, high) = Vector128.Widen(Vector128.LoadUnsafe(ref r, (nuint)i));
                var (q0, q1) = Vector128.Widen(Vector128.LoadUnsafe(ref q, (nuint)i));
                var (q2, q3) = Vector128.Widen(Vector128.LoadUnsafe(ref q, (nuint)(i + Vector128<short>.Count)));
                var (r0, r1) = Vector128.Widen(low);
                var (r2, r3) = Vector128.Widen(high);
                acc += (r0 * q0) + (r1 * q1) + (r2 * q2) + (r3 * q3);
            }

            sum = Vector128.Sum(acc);
        }

        for (; i < length; i++)
        {
            sum += Unsafe.Add(ref r, i) * Unsafe.Add(ref q, i);
        }

        return sum;
    }
}
