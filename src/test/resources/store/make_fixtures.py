#!/usr/bin/python3
"""Writes the small Zarr v2, OME-Zarr and N5 fixtures of the store package's tests.

Run with Debian's Python and zarr (apt-get install python3-zarr python3-numcodecs, zarr 2.13):
    /usr/bin/python3 src/test/resources/store/make_fixtures.py
Every array holds value(z, y, x) = (3x + 5y + 7z) mod 251, scaled per dtype as SCALE says;
StoreFixturesTest recomputes it, so no expected values are stored.
"""
import json
import os
import shutil

import numpy as np
import zarr
from numcodecs import Blosc, GZip, Zlib
from zarr.n5 import N5Store

HERE = os.path.dirname(os.path.abspath(__file__))

# value -> stored value, exact in float32 (see StoreFixturesTest.expected)
SCALE = {
    'u1': lambda v: v,
    'i1': lambda v: v - 125,
    'u2': lambda v: v * 257,
    'i2': lambda v: (v - 125) * 257,
    'u4': lambda v: v * 16777,
    'i4': lambda v: (v - 125) * 65537,
    'f4': lambda v: v / 4 - 30,
    'f8': lambda v: v / 8 + 0.5,
}


def values(shape, dtype):
    """The formula on a (z,) y, x grid, C order."""
    idx = np.indices(shape, dtype=np.int64)
    x, y = idx[-1], idx[-2]
    z = idx[-3] if len(shape) > 2 else 0
    v = (3 * x + 5 * y + 7 * z) % 251
    return SCALE[np.dtype(dtype).str[1:]](v).astype(dtype)


def fresh(name):
    path = os.path.join(HERE, name)
    shutil.rmtree(path, ignore_errors=True)
    return path


def array(name, shape, chunks, dtype, compressor, **kwargs):
    z = zarr.open_array(fresh(name), mode='w', shape=shape, chunks=chunks, dtype=dtype,
                        compressor=compressor, **kwargs)
    z[...] = values(shape, dtype)
    return z


def main():
    lz4 = Blosc(cname='lz4', clevel=5, shuffle=Blosc.SHUFFLE)
    # level 9: at 5, lz4 leaves these 256-byte chunks of 1-byte values uncompressed
    array('u1_blosc_lz4.zarr', (37, 29), (16, 16), 'u1',
          Blosc(cname='lz4', clevel=9, shuffle=Blosc.SHUFFLE))
    array('u2_blosc_zstd.zarr', (37, 29), (16, 16), 'u2',
          Blosc(cname='zstd', clevel=3, shuffle=Blosc.SHUFFLE))
    # lz4 splits blocks of 4-byte types into 4 streams
    array('f4_blosc_lz4.zarr', (37, 29), (16, 16), 'f4', lz4)
    # several blocks per chunk, the last one shorter: 2048-byte chunks, 768-byte blocks
    array('f8_blosc_zlib_blocks.zarr', (37, 29), (16, 16), 'f8',
          Blosc(cname='zlib', clevel=5, shuffle=Blosc.SHUFFLE, blocksize=768))
    array('u2_blosc_bitshuffle.zarr', (37, 29), (16, 16), 'u2',
          Blosc(cname='lz4', clevel=5, shuffle=Blosc.BITSHUFFLE))
    # level 9 as for u1
    array('i1_blosc_noshuffle.zarr', (37, 29), (16, 16), 'i1',
          Blosc(cname='lz4', clevel=9, shuffle=Blosc.NOSHUFFLE))
    array('f4_zlib_3d.zarr', (5, 37, 29), (2, 16, 16), 'f4', Zlib(level=5))
    array('i2_gzip.zarr', (37, 29), (16, 16), 'i2', GZip(level=5))
    array('u4_raw.zarr', (37, 29), (16, 16), 'u4', None)
    array('u2_big_endian.zarr', (37, 29), (16, 16), '>u2', Zlib(level=1))
    # 64-byte chunks: blosc stores them as they are (memcpyed)
    array('i4_nested.zarr', (37, 29), (4, 4), 'i4', lz4, dimension_separator='/')
    array('u1_blosclz.zarr', (37, 29), (16, 16), 'u1', Blosc(cname='blosclz', clevel=9))

    # only the chunk at (0, 0) exists; the others read as fill values
    sparse = zarr.open_array(fresh('u1_sparse.zarr'), mode='w', shape=(37, 29), chunks=(16, 16),
                             dtype='u1', compressor=lz4, fill_value=7)
    sparse[0:16, 0:16] = values((37, 29), 'u1')[0:16, 0:16]
    nan = zarr.open_array(fresh('f4_nan_fill.zarr'), mode='w', shape=(37, 29), chunks=(16, 16),
                          dtype='f4', compressor=lz4, fill_value=np.nan)
    nan[16:32, 16:29] = values((37, 29), 'f4')[16:32, 16:29]

    # OME-Zarr (NGFF 0.4) image c, y, x with two levels, metadata written by hand
    group = zarr.open_group(fresh('ome.zarr'), mode='w')
    full = values((2, 37, 29), 'u2')
    group.create_dataset('0', data=full, chunks=(1, 16, 16), compressor=lz4)
    group.create_dataset('1', data=full[:, ::2, ::2], chunks=(1, 16, 16), compressor=lz4)
    group.attrs['multiscales'] = [{
        'version': '0.4', 'name': 'fixture',
        'axes': [{'name': 'c', 'type': 'channel'}, {'name': 'y', 'type': 'space', 'unit': 'micrometer'},
                 {'name': 'x', 'type': 'space', 'unit': 'micrometer'}],
        'datasets': [
            {'path': '0', 'coordinateTransformations': [{'type': 'scale', 'scale': [1.0, 0.5, 0.5]}]},
            {'path': '1', 'coordinateTransformations': [{'type': 'scale', 'scale': [1.0, 1.0, 1.0]}]}],
    }]
    group.attrs['note'] = 'made by make_fixtures.py'

    # N5 datasets, 3D: N5 lists dimensions x first, zarr's N5Store reverses them
    for name, compressor in (('f4_gzip.n5', GZip(level=5)), ('u2_raw.n5', None)):
        dtype = name[:2]
        store = N5Store(fresh(name))
        z = zarr.open_array(store, mode='w', shape=(5, 37, 29), chunks=(2, 16, 16), dtype=dtype,
                            compressor=compressor)
        z[...] = values((5, 37, 29), dtype)


if __name__ == '__main__':
    main()
