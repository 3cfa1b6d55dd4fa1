#!/bin/bash
unset HISTFILE
history -c
