package org.vaetexture.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import ij.ImagePlus;

import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgFactory;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

class ImageWriterTest {

	@Test
	void planarMapBecomesTheSameStackWithoutACopy() {
		final long[] dims = { 5, 4, 3, 2 }; // X, Y, channels, planes
		final Img<FloatType> array = new ArrayImgFactory<>(new FloatType()).create(dims);
		final Random random = new Random(7);
		for (final FloatType v : array)
			v.set(random.nextFloat());
		final Img<FloatType> planar = new PlanarImgFactory<>(new FloatType()).create(dims);
		final var target = Views.flatIterable(planar).cursor();
		for (final FloatType v : Views.flatIterable(array))
			target.next().set(v);

		final ImagePlus copied = ImageWriter.toImagePlus(array, 3, null, "a");
		final ImagePlus shared = ImageWriter.toImagePlus(planar, 3, null, "p");
		assertEquals(3, shared.getNChannels());
		assertEquals(2, shared.getNSlices());
		for (int i = 1; i <= 6; i++)
			assertArrayEquals((float[]) copied.getStack().getPixels(i), (float[]) shared.getStack()
				.getPixels(i), "slice " + i);

		// channel 2, plane 1 is stack slice 1 * 3 + 2 + 1 = 6: the ImagePlus shows the map's own array
		final var access = planar.randomAccess();
		access.setPosition(new long[] { 1, 2, 2, 1 });
		access.get().set(42);
		assertEquals(42, ((float[]) shared.getStack().getPixels(6))[2 * 5 + 1]);
	}
}
