#!/bin/bash
rm -rf ~
