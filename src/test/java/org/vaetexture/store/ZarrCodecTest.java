package org.vaetexture.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Codec specs, and Blosc frames of many blocks (the last one shorter) and of random bytes. */
class ZarrCodecTest {

	@Test
	void specsParseAndPrint() {
		assertEquals("raw", ZarrCodec.parse("raw").toString());
		assertEquals("zlib:5", ZarrCodec.parse("zlib").toString());
		assertEquals("gzip:9", ZarrCodec.parse("gzip:9").toString());
		assertEquals("blosc-lz4:5", ZarrCodec.parse("blosc-lz4").toString());
		assertEquals(ZarrCodec.blosc("zstd", 3, 1), ZarrCodec.parse("blosc-zstd:3"));
		assertEquals("blosc-zlib:1 (shuffle 0)", ZarrCodec.blosc("zlib", 1, 0).toString());
		for (final String bad : new String[] { "lzma", "blosc-snappy", "zlib:10", "raw:3", "gzip:x" })
			assertMessage("unknown compression '" + bad + "'; choose raw, zlib, gzip, blosc-lz4, " +
				"blosc-zstd or blosc-zlib, optionally with :level (0-9)", () -> ZarrCodec.parse(bad));
	}

	@ParameterizedTest
	@ValueSource(strings = { "blosc-lz4", "blosc-zstd", "blosc-zlib:1", "blosc-lz4:0", "zlib:0",
		"gzip" })
	void largeAndRandomBuffersRoundTrip(final String spec) {
		final ZarrCodec codec = ZarrCodec.parse(spec);
		final Random random = new Random(42);
		for (final int typeSize : new int[] { 1, 2, 4, 8 }) {
			final byte[] smooth = new byte[(1 << 20) + 3 * typeSize];
			for (int i = 0; i < smooth.length; i++)
				smooth[i] = (byte) (i / typeSize % 7 == 0 ? i / 4096 : 0);
			final byte[] noise = new byte[1000 * typeSize];
			random.nextBytes(noise);
			for (final byte[] raw : new byte[][] { smooth, noise, new byte[typeSize] }) {
				final byte[] stored = codec.encode(raw, typeSize);
				assertArrayEquals(raw, codec.decode(stored, raw.length), spec + " " + typeSize);
			}
			if (!spec.endsWith(":0")) assertTrue(codec.encode(smooth, typeSize).length < smooth.length /
				10, spec);
		}
	}
}
