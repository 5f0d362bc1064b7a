package org.vaetexture.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaetexture.ErrorAssertions.assertMessage;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import ij.ImagePlus;
import ij.ImageStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.Test;
import org.vaetexture.TestImages;
import org.vaetexture.image.TextureImage;
import org.vaetexture.model.Normalization;

class TileSamplerTest {

	private static final Normalization IDENTITY = new Normalization(new float[] { 0 }, new float[] {
		1 });

	@Test
	void tilesAreWindowsOfTheImage() {
		// pixel value = 1000 y + x: each tile's corner value locates it, the rest must follow.
		final FloatProcessor fp = new FloatProcessor(30, 20);
		for (int y = 0; y < 20; y++)
			for (int x = 0; x < 30; x++)
				fp.setf(x, y, 1000 * y + x);
		final TileSampler sampler = new TileSampler(List.of(TestImages.wrap(new ImagePlus("ramp", fp))),
			8, IDENTITY, 1);
		final float[] tiles = new float[50 * 64];
		sampler.fill(tiles, 50);
		final Set<Float> corners = new HashSet<>();
		for (int n = 0; n < 50; n++) {
			final float corner = tiles[n * 64];
			corners.add(corner);
			final int x0 = (int) corner % 1000, y0 = (int) corner / 1000;
			assertTrue(x0 <= 22 && y0 <= 12, "tile inside the image");
			for (int y = 0; y < 8; y++)
				for (int x = 0; x < 8; x++)
					assertEquals(1000 * (y0 + y) + x0 + x, tiles[n * 64 + y * 8 + x]);
		}
		assertTrue(corners.size() > 30, "positions vary");
	}

	@Test
	void maskRestrictsTileCentres() {
		final ImagePlus imp = TestImages.noise(40, 40, 3);
		final byte[] mask = new byte[40 * 40];
		mask[25 * 40 + 30] = 1; // only the tile centred at (30, 25) qualifies
		final TextureImage image = TestImages.wrap(imp).withMask(ArrayImgs.unsignedBytes(mask, 40, 40));
		final float[] tiles = new float[5 * 64];
		new TileSampler(List.of(image), 8, IDENTITY, 1).fill(tiles, 5);
		final float expectedCorner = imp.getProcessor().getf(26, 21);
		for (int n = 0; n < 5; n++)
			assertEquals(expectedCorner, tiles[n * 64]);
	}

	/**
	 * A 5 x 5 mask in a 3000 x 3000 image: drawn from the whole image, 100,000 tries would find one
	 * of its 25 tile centres (a chance of 3e-6 each) only one time in three.
	 */
	@Test
	void aSmallMaskInALargeImageIsDrawnFrom() {
		final int side = 3000;
		final ByteProcessor bp = new ByteProcessor(side, side);
		for (int y = 0; y < side; y++)
			for (int x = 0; x < side; x++)
				bp.set(x, y, (x + 7 * y) % 256);
		final byte[] mask = new byte[side * side];
		final Set<Float> corners = new HashSet<>();
		for (int y = 1498; y <= 1502; y++)
			for (int x = 1998; x <= 2002; x++) {
				mask[y * side + x] = 1;
				corners.add((float) bp.get(x - 4, y - 4));
			}
		final TextureImage image = TestImages.wrap(new ImagePlus("large", bp)).withMask(ArrayImgs
			.unsignedBytes(mask, side, side));
		final float[] tiles = new float[300 * 64];
		new TileSampler(List.of(image), 8, IDENTITY, 1).fill(tiles, 300);
		for (int n = 0; n < 300; n++)
			assertTrue(corners.contains(tiles[n * 64]), "tile " + n + " centred in the mask");
	}

	@Test
	void emptyMaskIsAClearError() {
		final TextureImage image = TestImages.wrap(TestImages.noise(40, 40, 3)).withMask(ArrayImgs
			.unsignedBytes(40, 40));
		assertMessage("leaves no room for a whole tile", () -> new TileSampler(List.of(image), 8,
			IDENTITY, 1));
	}

	@Test
	void aTileStackGivesItsSlices() {
		final ImageStack stack = new ImageStack(8, 8);
		for (int s = 0; s < 4; s++) {
			final ByteProcessor bp = new ByteProcessor(8, 8);
			bp.set(10 * (s + 1));
			stack.addSlice(bp);
		}
		final float[] tiles = new float[40 * 64];
		new TileSampler(List.of(TestImages.wrap(new ImagePlus("tiles", stack))), 8, IDENTITY, 2).fill(
			tiles, 40);
		final Set<Float> seen = new HashSet<>();
		for (int n = 0; n < 40; n++)
			seen.add(tiles[n * 64 + 63]);
		assertEquals(Set.of(10f, 20f, 30f, 40f), seen);
	}

	@Test
	void rgbGivesThreeNormalizedChannels() {
		final TextureImage ihc = TestImages.open("ihc.tif");
		assertEquals(3, ihc.channels());
		final Normalization n = new Normalization(new float[] { 0, 0, 0 }, new float[] { 1, 2, 4 });
		final float[] tile = new float[3 * 64];
		new TileSampler(List.of(ihc), 8, n, 1).fill(tile, 1);
		for (final float v : tile)
			assertTrue(v >= 0 && v <= 255);
		assertTrue(tile[128] <= 255 / 4f, "third channel divided by its scale");
	}
}
