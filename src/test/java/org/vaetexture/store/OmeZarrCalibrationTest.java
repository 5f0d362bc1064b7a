package org.vaetexture.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pixel size of an OME-Zarr image: written, read back, composed from both levels of scale. */
class OmeZarrCalibrationTest {

	@TempDir
	Path dir;

	@Test
	void aPixelSizeIsWrittenAndReadBack() {
		final Path group = dir.resolve("scaled.zarr");
		final AxisScale z = new AxisScale(2.0, "micrometer"), xy = new AxisScale(0.25, "micrometer");
		OmeZarr.create(group, "scaled", List.of("z", "y", "x"), Map.of("z", z, "y", xy, "x", xy),
			new long[] { 2, 8, 8 }, new int[] { 1, 8, 8 }, DataType.UINT8, ZarrCodec.raw(), Map.of());
		assertEquals(Map.of("z", z, "y", xy, "x", xy), OmeZarr.open(group).calibration());
	}

	/**
	 * NGFF 0.4: level 0's scale is its dataset's times the multiscale's own; translations, untyped
	 * transforms and null units are passed over.
	 */
	@Test
	void scalesComposeAndOddMetadataIsPassedOver() throws IOException {
		final Path group = dir.resolve("odd.zarr");
		OmeZarr.create(group, "odd", List.of("y", "x"), new long[] { 8, 8 }, new int[] { 8, 8 },
			DataType.UINT8, ZarrCodec.raw(), Map.of());
		Files.writeString(group.resolve(".zattrs"), "{\"multiscales\": [{\"version\": \"0.4\", " +
			"\"axes\": [{\"name\": \"y\", \"type\": \"space\", \"unit\": null}, " +
			"{\"name\": \"x\", \"type\": \"space\", \"unit\": \"nanometer\"}], " +
			"\"datasets\": [{\"path\": \"0\", \"coordinateTransformations\": [{\"type\": \"scale\", " +
			"\"scale\": [0.5, 0.5]}, {\"type\": \"translation\", \"translation\": [10, 10]}]}], " +
			"\"coordinateTransformations\": [{\"scale\": [9, 9]}, {\"type\": \"scale\", \"scale\": [4, 2]}]" +
			"}]}", StandardCharsets.UTF_8);
		assertEquals(Map.of("y", new AxisScale(2.0, null), "x", new AxisScale(1.0, "nanometer")), OmeZarr
			.open(group).calibration());
	}
}
