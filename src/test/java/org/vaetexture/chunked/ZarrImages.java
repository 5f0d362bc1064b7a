package org.vaetexture.chunked;

import java.nio.file.Path;
import java.util.Map;

import net.imglib2.img.Img;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.vaetexture.image.TextureImage;
import org.vaetexture.store.ChunkedArray;
import org.vaetexture.store.OmeZarr;
import org.vaetexture.store.ZarrCodec;

/** Fixtures: an image written to OME-Zarr, and maps read back in the order of an ImgLib2 map. */
final class ZarrImages {

	private ZarrImages() {}

	/** Writes an image as OME-Zarr in its own pixel type, in Blosc-Zstandard chunks of {@code chunk} pixels. */
	static Path write(final TextureImage image, final Path group, final int chunk) {
		OmeZarrExport.write(ChunkedImage.of(image, Map.of()), group, chunk, ZarrCodec.blosc("zstd", 3, 1), f -> {},
			() -> false);
		return group;
	}

	/** The whole of an OME-Zarr output. */
	static float[] read(final Path group) {
		final ChunkedArray array = OmeZarr.open(group).array();
		final long[] shape = array.shape();
		final int[] size = new int[shape.length];
		for (int d = 0; d < shape.length; d++)
			size[d] = (int) shape[d];
		return array.read(new long[shape.length], size);
	}

	/** A map's values in its flat iteration order (x fastest, then y, channel, plane). */
	static float[] values(final Img<? extends RealType<?>> map) {
		final float[] v = new float[(int) map.size()];
		int i = 0;
		for (final RealType<?> t : Views.flatIterable(map))
			v[i++] = t.getRealFloat();
		return v;
	}
}
