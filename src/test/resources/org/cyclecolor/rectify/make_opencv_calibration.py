#!/usr/bin/python3
"""Writes stereo calibration fixtures with OpenCV's own FileStorage (YAML and XML), the way a
program writes what cv2.stereoCalibrate returned. The values are the rig of
CalibrationRoundTripTest (camera 1 gray 640x480, camera 2 colour 640x480 (stereoCalibrate takes one image size), 35 cm to the right).
Run with Debian's python3-opencv:  /usr/bin/python3 make_opencv_calibration.py"""
import cv2
import numpy as np

K1 = np.array([[700.0, 0, 322.5], [0, 702.0, 236.0], [0, 0, 1]])
D1 = np.array([[-0.21, 0.08, 0.0012, -0.0009, -0.01]])
K2 = np.array([[610.0, 0, 318.0], [0, 611.0, 241.0], [0, 0, 1]])
D2 = np.array([[-0.15, 0.05, -0.0007, 0.0011, 0.0]])
R, _ = cv2.Rodrigues(np.array([0.012, -0.03, 0.05]))
T = np.array([[-0.35], [0.01], [0.004]])  # X2 = R X1 + T: camera 2 is about 0.35 to the right

for name in ("opencv_stereo.yml", "opencv_stereo.xml"):
    fs = cv2.FileStorage(name, cv2.FILE_STORAGE_WRITE)
    fs.write("imageSize", np.array([640, 480]))
    fs.write("M1", K1)
    fs.write("D1", D1)
    fs.write("M2", K2)
    fs.write("D2", D2)
    fs.write("R", R)
    fs.write("T", T)
    fs.release()
